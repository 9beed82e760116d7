package de.buergerkonto.eidadapter.binding;

import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import de.buergerkonto.eidadapter.binding.RedirectBindingException.Problem;

/**
 * Decodes a message received through the SAML 2.0 HTTP-Redirect binding (SAML 2.0 bindings,
 * 3.4.4 with the DEFLATE encoding of 3.4.4.1) from the raw query string as it arrived.
 *
 * <p>It works on the raw query, not on a servlet's parameter map, because the signature covers
 * the URL-encoded octets as received; re-encoding decoded values would not reproduce them
 * byte-for-byte (encoders differ in case of hex digits and in what they escape).
 *
 * <p>Each protocol parameter may appear once: a repeated one is refused rather than picked,
 * so that the value that is verified is the value that is used. Other parameters are ignored;
 * they are not covered by the signature. This class decodes only: it trusts nothing, verifies
 * nothing, and never parses the XML.
 */
public final class RedirectBindingDecoder {

    static final String RELAY_STATE = "RelayState";
    static final String SIG_ALG = "SigAlg";
    static final String SIGNATURE = "Signature";

    private static final int INFLATE_BUFFER = 8 * 1024;

    private final RedirectBindingLimits limits;

    public RedirectBindingDecoder(RedirectBindingLimits limits) {
        this.limits = limits;
    }

    /**
     * Decodes {@code rawQuery} (without the leading {@code ?}), expecting the message in
     * {@code expected}.
     *
     * @throws RedirectBindingException MALFORMED or TOO_LARGE, see {@link Problem}
     */
    public RedirectMessage decode(String rawQuery, SamlParameter expected) throws RedirectBindingException {
        if (rawQuery == null || rawQuery.isEmpty()) {
            throw new RedirectBindingException(Problem.MALFORMED, "No query string");
        }
        if (rawQuery.length() > limits.maxQueryLength()) {
            throw new RedirectBindingException(Problem.TOO_LARGE,
                    "Query string longer than " + limits.maxQueryLength() + " characters");
        }
        Map<String, RawParameter> parameters = split(rawQuery);
        for (SamlParameter other : SamlParameter.values()) {
            if (other != expected && parameters.containsKey(other.parameterName())) {
                throw new RedirectBindingException(Problem.MALFORMED, "Unexpected " + other.parameterName());
            }
        }
        RawParameter message = parameters.get(expected.parameterName());
        if (message == null || message.value().isEmpty()) {
            throw new RedirectBindingException(Problem.MALFORMED, "No " + expected.parameterName());
        }
        Optional<RawParameter> relayState = Optional.ofNullable(parameters.get(RELAY_STATE));
        Optional<RawParameter> sigAlg = Optional.ofNullable(parameters.get(SIG_ALG));
        Optional<RawParameter> signature = Optional.ofNullable(parameters.get(SIGNATURE));

        byte[] inflated = inflate(base64(message.value(), expected.parameterName()));
        Optional<byte[]> signatureBytes = signature.isPresent()
                ? Optional.of(base64(signature.get().value(), SIGNATURE))
                : Optional.empty();
        return new RedirectMessage(expected, inflated,
                relayState.map(RawParameter::value),
                sigAlg.map(RawParameter::value),
                signatureBytes,
                signedContent(message, relayState, sigAlg));
    }

    /** 3.4.4.1: the raw {@code name=value} segments in this order, RelayState only when sent. */
    private static byte[] signedContent(RawParameter message, Optional<RawParameter> relayState,
            Optional<RawParameter> sigAlg) {
        StringBuilder content = new StringBuilder(message.segment());
        relayState.ifPresent(parameter -> content.append('&').append(parameter.segment()));
        sigAlg.ifPresent(parameter -> content.append('&').append(parameter.segment()));
        return content.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, RawParameter> split(String rawQuery) throws RedirectBindingException {
        Map<String, RawParameter> parameters = new HashMap<>();
        for (String segment : rawQuery.split("&", -1)) {
            if (segment.isEmpty()) {
                continue;
            }
            int equals = segment.indexOf('=');
            String name = urlDecode(equals < 0 ? segment : segment.substring(0, equals));
            String value = equals < 0 ? "" : urlDecode(segment.substring(equals + 1));
            if (isProtocolParameter(name) && parameters.putIfAbsent(name, new RawParameter(segment, value)) != null) {
                throw new RedirectBindingException(Problem.MALFORMED, "Parameter " + name + " repeated");
            }
        }
        return parameters;
    }

    private static boolean isProtocolParameter(String name) {
        return name.equals(SamlParameter.SAML_REQUEST.parameterName())
                || name.equals(SamlParameter.SAML_RESPONSE.parameterName())
                || name.equals(RELAY_STATE)
                || name.equals(SIG_ALG)
                || name.equals(SIGNATURE);
    }

    private static String urlDecode(String raw) throws RedirectBindingException {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new RedirectBindingException(Problem.MALFORMED, "Invalid URL encoding", e);
        }
    }

    private static byte[] base64(String value, String parameterName) throws RedirectBindingException {
        try {
            return Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new RedirectBindingException(Problem.MALFORMED, "Invalid base64 in " + parameterName, e);
        }
    }

    /** Raw DEFLATE (RFC 1951, no zlib header), stopping as soon as the output passes the limit. */
    private byte[] inflate(byte[] deflated) throws RedirectBindingException {
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(deflated);
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(deflated.length * 4, limits.maxInflatedBytes()));
            byte[] buffer = new byte[INFLATE_BUFFER];
            while (!inflater.finished()) {
                int count = inflater.inflate(buffer);
                if (count == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new RedirectBindingException(Problem.MALFORMED, "Truncated DEFLATE data");
                }
                if (out.size() + count > limits.maxInflatedBytes()) {
                    throw new RedirectBindingException(Problem.TOO_LARGE,
                            "Inflated message larger than " + limits.maxInflatedBytes() + " bytes");
                }
                out.write(buffer, 0, count);
            }
            if (inflater.getRemaining() > 0) {
                throw new RedirectBindingException(Problem.MALFORMED, "Data after the end of the DEFLATE stream");
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new RedirectBindingException(Problem.MALFORMED, "Invalid DEFLATE data", e);
        } finally {
            inflater.end();
        }
    }

    /** One parameter: its raw {@code name=value} segment as received and its decoded value. */
    private record RawParameter(String segment, String value) {
    }
}
