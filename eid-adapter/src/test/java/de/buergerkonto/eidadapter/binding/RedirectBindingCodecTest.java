package de.buergerkonto.eidadapter.binding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.zip.Deflater;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import de.buergerkonto.eidadapter.binding.RedirectBindingException.Problem;

class RedirectBindingCodecTest {

    private static final byte[] XML = ("<samlp:AuthnRequest xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\""
            + " ID=\"_abc\" Version=\"2.0\"/>").getBytes(StandardCharsets.UTF_8);
    private static final KeyPair RSA = keyPair("RSA", null);
    private static final KeyPair EC = keyPair("EC", "secp256r1");

    private final RedirectBindingDecoder decoder = new RedirectBindingDecoder(RedirectBindingLimits.DEFAULT);
    private final RedirectSignatureVerifier verifier = new RedirectSignatureVerifier();

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void encodeThenDecodeWhenSignedWithEachAllowedAlgorithmThenSameMessageAndSignatureVerifies(
            SignatureAlgorithm algorithm) throws Exception {
        KeyPair keys = algorithm.keyAlgorithm().equals("EC") ? EC : RSA;
        String query = new RedirectBindingEncoder(algorithm, keys.getPrivate())
                .encode(SamlParameter.SAML_REQUEST, XML, Optional.of("state with spaces & ampersand"));

        RedirectMessage decoded = decoder.decode(query, SamlParameter.SAML_REQUEST);

        assertThat(decoded.message()).isEqualTo(XML);
        assertThat(decoded.relayState()).contains("state with spaces & ampersand");
        assertThat(decoded.signatureAlgorithm()).contains(algorithm.uri());
        assertThat(verifier.verify(decoded.signedContent(), decoded.signature().orElseThrow(), algorithm,
                keys.getPublic())).isTrue();
    }

    @Test
    void encodeWhenNoRelayStateThenSignedContentWithoutIt() throws Exception {
        String query = new RedirectBindingEncoder(SignatureAlgorithm.RSA_PSS_SHA256, RSA.getPrivate())
                .encode(SamlParameter.SAML_RESPONSE, XML, Optional.empty());

        RedirectMessage decoded = decoder.decode(query, SamlParameter.SAML_RESPONSE);

        assertThat(query).doesNotContain("RelayState");
        assertThat(new String(decoded.signedContent(), StandardCharsets.UTF_8))
                .isEqualTo(query.substring(0, query.indexOf("&Signature=")));
        assertThat(verifier.verify(decoded.signedContent(), decoded.signature().orElseThrow(),
                SignatureAlgorithm.RSA_PSS_SHA256, RSA.getPublic())).isTrue();
    }

    @Test
    void decodeWhenOtherParametersAndOtherOrderThenSignedContentIsTheProtocolParametersInSpecOrder() throws Exception {
        String query = new RedirectBindingEncoder(SignatureAlgorithm.RSA_SHA256, RSA.getPrivate())
                .encode(SamlParameter.SAML_RESPONSE, XML, Optional.of("s"));
        String[] parts = query.split("&");
        String reordered = "utm_source=x&" + parts[3] + "&" + parts[2] + "&" + parts[1] + "&" + parts[0];

        RedirectMessage decoded = decoder.decode(reordered, SamlParameter.SAML_RESPONSE);

        assertThat(new String(decoded.signedContent(), StandardCharsets.UTF_8))
                .isEqualTo(parts[0] + "&" + parts[1] + "&" + parts[2]);
    }

    @Test
    void verifyWhenKeyOfAnotherTypeThanTheAlgorithmThenFalse() throws Exception {
        String query = new RedirectBindingEncoder(SignatureAlgorithm.ECDSA_SHA256, EC.getPrivate())
                .encode(SamlParameter.SAML_RESPONSE, XML, Optional.empty());
        RedirectMessage decoded = decoder.decode(query, SamlParameter.SAML_RESPONSE);

        assertThat(verifier.verify(decoded.signedContent(), decoded.signature().orElseThrow(),
                SignatureAlgorithm.RSA_SHA256, RSA.getPublic())).isFalse();
        assertThat(verifier.verify(decoded.signedContent(), decoded.signature().orElseThrow(),
                SignatureAlgorithm.ECDSA_SHA256, RSA.getPublic())).isFalse();
    }

    @Test
    void verifyWhenSignatureValueOfTheWrongShapeThenFalse() {
        assertThat(verifier.verify(XML, new byte[3], SignatureAlgorithm.RSA_PSS_SHA256, RSA.getPublic())).isFalse();
        assertThat(verifier.verify(XML, new byte[3], SignatureAlgorithm.ECDSA_SHA256, EC.getPublic())).isFalse();
    }

    @Test
    void fromUriWhenSha1OrUnknownThenNotAllowed() {
        assertThat(SignatureAlgorithm.fromUri("http://www.w3.org/2000/09/xmldsig#rsa-sha1")).isEmpty();
        assertThat(SignatureAlgorithm.fromUri("http://www.w3.org/2000/09/xmldsig#dsa-sha1")).isEmpty();
        assertThat(SignatureAlgorithm.fromUri("http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha1")).isEmpty();
        assertThat(SignatureAlgorithm.fromUri("http://www.w3.org/2000/09/xmldsig#hmac-sha1")).isEmpty();
        assertThat(SignatureAlgorithm.fromUri(null)).isEmpty();
    }

    @Test
    void encoderWhenKeyDoesNotFitTheAlgorithmThenRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RedirectBindingEncoder(SignatureAlgorithm.RSA_PSS_SHA256, EC.getPrivate()));
    }

    @Test
    void decodeWhenInflatedMessageOverTheLimitThenTooLarge() {
        RedirectBindingDecoder small = new RedirectBindingDecoder(new RedirectBindingLimits(64 * 1024, 1024));
        String query = "SAMLResponse=" + encoded(deflate(new byte[1025]));

        assertProblem(() -> small.decode(query, SamlParameter.SAML_RESPONSE), Problem.TOO_LARGE);
    }

    @Test
    void decodeWhenInflatedMessageExactlyAtTheLimitThenDecoded() throws Exception {
        RedirectBindingDecoder small = new RedirectBindingDecoder(new RedirectBindingLimits(64 * 1024, 1024));
        String query = "SAMLResponse=" + encoded(deflate(new byte[1024]));

        assertThat(small.decode(query, SamlParameter.SAML_RESPONSE).message()).hasSize(1024);
    }

    @Test
    void decodeWhenQueryOverTheLimitThenTooLargeBeforeDecoding() {
        RedirectBindingDecoder small = new RedirectBindingDecoder(new RedirectBindingLimits(100, 1024));
        String query = "SAMLResponse=%%%" + "A".repeat(100);

        assertProblem(() -> small.decode(query, SamlParameter.SAML_RESPONSE), Problem.TOO_LARGE);
    }

    @Test
    void decodeWhenDeflateStreamTruncatedThenMalformed() {
        byte[] deflated = deflate(XML);
        byte[] truncated = Arrays.copyOf(deflated, deflated.length - 4);

        assertProblem(() -> decoder.decode("SAMLResponse=" + encoded(truncated), SamlParameter.SAML_RESPONSE),
                Problem.MALFORMED);
    }

    @Test
    void decodeWhenDataAfterTheDeflateStreamThenMalformed() {
        byte[] deflated = deflate(XML);
        byte[] trailing = Arrays.copyOf(deflated, deflated.length + 8);

        assertProblem(() -> decoder.decode("SAMLResponse=" + encoded(trailing), SamlParameter.SAML_RESPONSE),
                Problem.MALFORMED);
    }

    @Test
    void decodeWhenZlibWrappedInsteadOfRawDeflateThenMalformed() {
        Deflater zlib = new Deflater(Deflater.DEFAULT_COMPRESSION, false);
        zlib.setInput(XML);
        zlib.finish();
        byte[] buffer = new byte[1024];
        int length = zlib.deflate(buffer);
        zlib.end();

        assertProblem(() -> decoder.decode("SAMLResponse=" + encoded(Arrays.copyOf(buffer, length)),
                SamlParameter.SAML_RESPONSE), Problem.MALFORMED);
    }

    @Test
    void decodeWhenProtocolParameterRepeatedThenMalformed() {
        String message = encoded(deflate(XML));

        assertProblem(() -> decoder.decode("SAMLResponse=" + message + "&RelayState=a&RelayState=b",
                SamlParameter.SAML_RESPONSE), Problem.MALFORMED);
        assertProblem(() -> decoder.decode("SAMLResponse=" + message + "&SigAlg=a&Sig%41lg=b",
                SamlParameter.SAML_RESPONSE), Problem.MALFORMED);
    }

    @Test
    void decodeWhenInvalidPercentEncodingOrBase64ThenMalformed() {
        assertProblem(() -> decoder.decode("SAMLResponse=%zz", SamlParameter.SAML_RESPONSE), Problem.MALFORMED);
        assertProblem(() -> decoder.decode("SAMLResponse=not*base64", SamlParameter.SAML_RESPONSE), Problem.MALFORMED);
        assertProblem(() -> decoder.decode("SAMLResponse=" + encoded(deflate(XML)) + "&Signature=not*base64",
                SamlParameter.SAML_RESPONSE), Problem.MALFORMED);
    }

    @Test
    void decodeWhenMessageParameterMissingOrEmptyThenMalformed() {
        assertProblem(() -> decoder.decode("RelayState=x", SamlParameter.SAML_RESPONSE), Problem.MALFORMED);
        assertProblem(() -> decoder.decode("SAMLResponse=", SamlParameter.SAML_RESPONSE), Problem.MALFORMED);
        assertProblem(() -> decoder.decode(null, SamlParameter.SAML_RESPONSE), Problem.MALFORMED);
    }

    private static void assertProblem(ThrowingCallable decode, Problem problem) {
        assertThatExceptionOfType(RedirectBindingException.class)
                .isThrownBy(decode)
                .satisfies(e -> assertThat(e.problem()).isEqualTo(problem));
    }

    private static String encoded(byte[] deflated) {
        return URLEncoder.encode(Base64.getEncoder().encodeToString(deflated), StandardCharsets.UTF_8);
    }

    private static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        deflater.setInput(data);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[1024];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }

    private static KeyPair keyPair(String algorithm, String curve) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            if (curve == null) {
                generator.initialize(2048);
            } else {
                generator.initialize(new ECGenParameterSpec(curve));
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
