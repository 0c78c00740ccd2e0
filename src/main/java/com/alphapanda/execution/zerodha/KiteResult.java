package com.alphapanda.execution.zerodha;

import tools.jackson.databind.JsonNode;

/**
 * The outcome of one Kite REST call. {@link Refused} is definitive (Kite answered and said no); {@link Ambiguous}
 * (a timeout, a connection failure, a 5xx, a 429) may or may not have taken effect at Kite and must be resolved by
 * asking Kite, never by a blind resend.
 */
sealed interface KiteResult {

    /** Kite's {@code data}. */
    record Ok(JsonNode data) implements KiteResult {
    }

    /** A definitive refusal with Kite's error type and message. */
    record Refused(KiteError error, int httpStatus, String message) implements KiteResult {
    }

    /** Unknown outcome. */
    record Ambiguous(KiteError error, String message) implements KiteResult {
    }

    /** Kite's error types ({@code error_type}), plus the transport's. */
    enum KiteError {
        TOKEN, INPUT, ORDER, MARGIN, PERMISSION, HOLDING, USER, DATA, GENERAL, NETWORK, RATE_LIMIT;

        static KiteError of(String errorType, int status) {
            if (status == 429) {
                return RATE_LIMIT;
            }
            if (errorType == null) {
                return status >= 500 ? NETWORK : GENERAL;
            }
            return switch (errorType) {
                case "TokenException" -> TOKEN;
                case "InputException" -> INPUT;
                case "OrderException" -> ORDER;
                case "MarginException" -> MARGIN;
                case "PermissionException" -> PERMISSION;
                case "HoldingException" -> HOLDING;
                case "UserException" -> USER;
                case "DataException" -> DATA;
                case "NetworkException" -> NETWORK;
                default -> GENERAL;
            };
        }

        /** The stable reason code of an order refused with this error. */
        String reasonCode() {
            return "KITE_" + name();
        }
    }
}
