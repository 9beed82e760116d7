package de.buergerkonto.eidadapter.binding;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.AlgorithmParameterSpec;
import java.util.Base64;
import java.util.Optional;
import java.util.zip.Deflater;

/**
 * Encodes a message we send through the SAML 2.0 HTTP-Redirect binding (SAML 2.0 bindings,
 * 3.4.4.1): raw DEFLATE, base64, URL-encode, then sign
 * {@code SAMLRequest=...&RelayState=...&SigAlg=...} and append {@code &Signature=...}.
 *
 * <p>Every message is signed: TR-03130 eID-Servers require signed AuthnRequests, and an unsigned
 * variant would only be a way to get it wrong. Decoding lives in {@link RedirectBindingDecoder}.
 */
public final class RedirectBindingEncoder {

    private final SignatureAlgorithm algorithm;
    private final PrivateKey signingKey;

    public RedirectBindingEncoder(SignatureAlgorithm algorithm, PrivateKey signingKey) {
        if (!algorithm.keyAlgorithm().equals(signingKey.getAlgorithm())) {
            throw new IllegalArgumentException(
                    "A " + signingKey.getAlgorithm() + " key cannot sign with " + algorithm.uri());
        }
        this.algorithm = algorithm;
        this.signingKey = signingKey;
    }

    /**
     * The query string (without {@code ?}) carrying {@code message} in {@code parameter}.
     *
     * @param relayState sent as {@code RelayState} when present
     */
    public String encode(SamlParameter parameter, byte[] message, Optional<String> relayState) {
        StringBuilder query = new StringBuilder(parameter.parameterName()).append('=')
                .append(urlEncode(Base64.getEncoder().encodeToString(deflate(message))));
        relayState.ifPresent(value -> query.append('&').append(RedirectBindingDecoder.RELAY_STATE).append('=')
                .append(urlEncode(value)));
        query.append('&').append(RedirectBindingDecoder.SIG_ALG).append('=').append(urlEncode(algorithm.uri()));
        byte[] signature = sign(query.toString().getBytes(StandardCharsets.UTF_8));
        return query.append('&').append(RedirectBindingDecoder.SIGNATURE).append('=')
                .append(urlEncode(Base64.getEncoder().encodeToString(signature)))
                .toString();
    }

    private byte[] sign(byte[] content) {
        try {
            Signature signer = Signature.getInstance(algorithm.jcaName());
            Optional<AlgorithmParameterSpec> parameters = algorithm.parameters();
            if (parameters.isPresent()) {
                signer.setParameter(parameters.get());
            }
            signer.initSign(signingKey);
            signer.update(content);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not sign with " + algorithm.uri(), e);
        }
    }

    private static byte[] deflate(byte[] message) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        try {
            deflater.setInput(message);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(message.length / 2 + 64);
            byte[] buffer = new byte[8 * 1024];
            while (!deflater.finished()) {
                int count = deflater.deflate(buffer);
                out.write(buffer, 0, count);
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static String urlEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
