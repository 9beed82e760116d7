package de.buergerkonto.eidadapter.binding;

import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.AlgorithmParameterSpec;
import java.util.Optional;

/**
 * Verifies the signature of an HTTP-Redirect message (SAML 2.0 bindings, 3.4.4.1) over its
 * {@link RedirectMessage#signedContent() signed content} with the JDK's {@link Signature}.
 *
 * <p>The sender chooses the algorithm, we choose the key: a key that does not fit the algorithm,
 * a parameter set the key cannot take, or a signature value of the wrong shape is a failed
 * verification, never an error the sender could provoke. Only a JDK without the algorithm is an
 * error (of ours).
 */
public final class RedirectSignatureVerifier {

    /** Whether {@code signature} over {@code signedContent} verifies with {@code key} under {@code algorithm}. */
    public boolean verify(byte[] signedContent, byte[] signature, SignatureAlgorithm algorithm, PublicKey key) {
        if (!algorithm.keyAlgorithm().equals(key.getAlgorithm())) {
            return false;
        }
        Signature verifier;
        try {
            verifier = Signature.getInstance(algorithm.jcaName());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JDK cannot verify " + algorithm.uri(), e);
        }
        try {
            Optional<AlgorithmParameterSpec> parameters = algorithm.parameters();
            if (parameters.isPresent()) {
                verifier.setParameter(parameters.get());
            }
            verifier.initVerify(key);
            verifier.update(signedContent);
            return verifier.verify(signature);
        } catch (GeneralSecurityException notVerifiable) {
            return false;
        }
    }
}
