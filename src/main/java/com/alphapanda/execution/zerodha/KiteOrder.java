package com.alphapanda.execution.zerodha;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import tools.jackson.databind.JsonNode;

/** An order as Kite reports it ({@code GET /orders}, order history, WebSocket and postback updates). */
record KiteOrder(String orderId, String tag, String status, long quantity, long filledQuantity,
                 BigDecimal averagePrice, String statusMessage, long instrumentToken, String transactionType,
                 String orderTimestamp) {

    private static final DateTimeFormatter KITE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    static KiteOrder of(JsonNode json) {
        return new KiteOrder(json.path("order_id").asString(""), json.path("tag").asString(null),
                json.path("status").asString(""), json.path("quantity").asLong(0),
                json.path("filled_quantity").asLong(0), json.path("average_price").decimalValue(),
                json.path("status_message").asString(null), json.path("instrument_token").asLong(0),
                json.path("transaction_type").asString(""), json.path("order_timestamp").asString(""));
    }

    boolean complete() {
        return "COMPLETE".equals(status);
    }

    boolean rejected() {
        return "REJECTED".equals(status);
    }

    boolean cancelled() {
        return "CANCELLED".equals(status);
    }

    boolean terminal() {
        return complete() || rejected() || cancelled();
    }

    /** A Kite timestamp ({@code yyyy-MM-dd HH:mm:ss}, IST); {@code fallback} when absent or malformed. */
    static Instant time(String text, Instant fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return LocalDateTime.parse(text.trim(), KITE_TIME).atZone(KiteSessionExpiry.IST).toInstant();
        } catch (DateTimeParseException e) {
            return fallback;
        }
    }
}
