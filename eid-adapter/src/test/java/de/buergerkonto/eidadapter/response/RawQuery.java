package de.buergerkonto.eidadapter.response;

import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/** Edits a raw redirect query the way an attacker would: one parameter at a time, the rest byte-for-byte. */
final class RawQuery {

    private RawQuery() {
    }

    /** Replaces the raw (URL-encoded) value of {@code name}. */
    static String withRawValue(String query, String name, String rawValue) {
        List<String> segments = new ArrayList<>();
        for (String segment : query.split("&")) {
            segments.add(segment.startsWith(name + "=") ? name + "=" + rawValue : segment);
        }
        return String.join("&", segments);
    }

    static String withValue(String query, String name, String value) {
        return withRawValue(query, name, URLEncoder.encode(value, StandardCharsets.UTF_8));
    }

    static String without(String query, String name) {
        List<String> segments = new ArrayList<>();
        for (String segment : query.split("&")) {
            if (!segment.startsWith(name + "=")) {
                segments.add(segment);
            }
        }
        return String.join("&", segments);
    }

    static String value(String query, String name) {
        for (String segment : query.split("&")) {
            if (segment.startsWith(name + "=")) {
                return URLDecoder.decode(segment.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        throw new IllegalArgumentException("No " + name);
    }

    /** Inflates SAMLResponse, lets {@code edit} change the XML, and puts it back deflated, base64, URL-encoded. */
    static String withEditedResponseXml(String query, UnaryOperator<String> edit) {
        String xml = new String(inflate(Base64.getDecoder().decode(value(query, "SAMLResponse"))), StandardCharsets.UTF_8);
        return withValue(query, "SAMLResponse", encodedMessage(edit.apply(xml).getBytes(StandardCharsets.UTF_8)));
    }

    /** Flips the lowest bit of the signature byte at {@code index}. */
    static String withSignatureBitFlipped(String query, int index) {
        byte[] signature = Base64.getDecoder().decode(value(query, "Signature"));
        signature[index] ^= 1;
        return withValue(query, "Signature", Base64.getEncoder().encodeToString(signature));
    }

    /** Deflated and base64-encoded, not yet URL-encoded. */
    static String encodedMessage(byte[] xml) {
        return Base64.getEncoder().encodeToString(deflate(xml));
    }

    static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        deflater.setInput(data);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }

    static byte[] inflate(byte[] data) {
        Inflater inflater = new Inflater(true);
        inflater.setInput(data);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            while (!inflater.finished()) {
                out.write(buffer, 0, inflater.inflate(buffer));
            }
        } catch (DataFormatException e) {
            throw new IllegalArgumentException(e);
        } finally {
            inflater.end();
        }
        return out.toByteArray();
    }
}
