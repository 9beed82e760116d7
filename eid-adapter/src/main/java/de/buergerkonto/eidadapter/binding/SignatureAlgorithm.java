package de.buergerkonto.eidadapter.binding;

import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Arrays;
import java.util.Optional;

/**
 * The allowlist of signature algorithms for the HTTP-Redirect binding ({@code SigAlg}), as XML
 * Signature algorithm URIs (RFC 9231, XML Signature 1.1) with their JCA counterparts.
 *
 * <p>Anything not listed is refused before any cryptography runs; in particular every SHA-1
 * variant ({@code rsa-sha1}, {@code dsa-sha1}, {@code ecdsa-sha1}). RSASSA-PSS is what BSI
 * TR-03116-4 asks for and what eID-Servers send; its parameters follow RFC 9231 2.3.10 (MGF1
 * with the same hash, salt length = hash length, trailer field 1). ECDSA values are the plain
 * {@code r || s} concatenation XML Signature uses, hence the JCA "P1363" forms.
 */
public enum SignatureAlgorithm {

    RSA_PSS_SHA256("http://www.w3.org/2007/05/xmldsig-more#sha256-rsa-MGF1", "RSASSA-PSS", "RSA",
            new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1)),
    RSA_PSS_SHA384("http://www.w3.org/2007/05/xmldsig-more#sha384-rsa-MGF1", "RSASSA-PSS", "RSA",
            new PSSParameterSpec("SHA-384", "MGF1", MGF1ParameterSpec.SHA384, 48, 1)),
    RSA_PSS_SHA512("http://www.w3.org/2007/05/xmldsig-more#sha512-rsa-MGF1", "RSASSA-PSS", "RSA",
            new PSSParameterSpec("SHA-512", "MGF1", MGF1ParameterSpec.SHA512, 64, 1)),
    RSA_SHA256("http://www.w3.org/2001/04/xmldsig-more#rsa-sha256", "SHA256withRSA", "RSA", null),
    RSA_SHA384("http://www.w3.org/2001/04/xmldsig-more#rsa-sha384", "SHA384withRSA", "RSA", null),
    RSA_SHA512("http://www.w3.org/2001/04/xmldsig-more#rsa-sha512", "SHA512withRSA", "RSA", null),
    ECDSA_SHA256("http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256", "SHA256withECDSAinP1363Format", "EC", null),
    ECDSA_SHA384("http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha384", "SHA384withECDSAinP1363Format", "EC", null),
    ECDSA_SHA512("http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha512", "SHA512withECDSAinP1363Format", "EC", null);

    private final String uri;
    private final String jcaName;
    private final String keyAlgorithm;
    private final AlgorithmParameterSpec parameters;

    SignatureAlgorithm(String uri, String jcaName, String keyAlgorithm, AlgorithmParameterSpec parameters) {
        this.uri = uri;
        this.jcaName = jcaName;
        this.keyAlgorithm = keyAlgorithm;
        this.parameters = parameters;
    }

    /** The algorithm for a {@code SigAlg} value; empty when it is not on the allowlist. */
    public static Optional<SignatureAlgorithm> fromUri(String uri) {
        return Arrays.stream(values()).filter(algorithm -> algorithm.uri.equals(uri)).findFirst();
    }

    public String uri() {
        return uri;
    }

    String jcaName() {
        return jcaName;
    }

    /** The JCA key algorithm ("RSA", "EC") a key must have to be used with this algorithm. */
    String keyAlgorithm() {
        return keyAlgorithm;
    }

    /** The parameters to set on the JCA {@code Signature}; empty for the PKCS#1 v1.5 and ECDSA forms. */
    Optional<AlgorithmParameterSpec> parameters() {
        return Optional.ofNullable(parameters);
    }
}
