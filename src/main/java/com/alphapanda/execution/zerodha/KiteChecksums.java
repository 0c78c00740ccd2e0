package com.alphapanda.execution.zerodha;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Kite's SHA-256 checksums: of a session request and of an order postback. */
final class KiteChecksums {

    private KiteChecksums() {
    }

    /** {@code checksum} of {@code POST /session/token}: SHA-256 of api_key + request_token + api_secret, in hex. */
    static String session(String apiKey, String requestToken, String apiSecret) {
        return sha256Hex(apiKey + requestToken + apiSecret);
    }

    /** {@code checksum} of an order postback: SHA-256 of order_id + order_timestamp + api_secret, in hex. */
    static String postback(String orderId, String orderTimestamp, String apiSecret) {
        return sha256Hex(orderId + orderTimestamp + apiSecret);
    }

    /** Compares two checksums in constant time. */
    static boolean matches(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                given.trim().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
