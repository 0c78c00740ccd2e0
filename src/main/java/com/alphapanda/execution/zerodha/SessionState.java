package com.alphapanda.execution.zerodha;

import java.time.Instant;

/** Whether orders can be sent to Kite now: an active session, or the reason there is none. */
sealed interface SessionState {

    /** A session Kite should accept until {@code expiresAt}. The token never appears in {@link #toString()}. */
    record Active(String userId, String accessToken, Instant expiresAt) implements SessionState {
        @Override
        public String toString() {
            return "Active[userId=" + userId + ", expiresAt=" + expiresAt + "]";
        }
    }

    /** No usable session, and why (for people: the health endpoint, refused orders). */
    record Unavailable(String reason) implements SessionState {
    }
}
