package com.alphapanda.execution.zerodha;

/**
 * Kite's answer is unknown (timeout, 5xx, 429) and asking Kite did not settle it. Transient: the listener retries
 * with back-off, and the retry resolves the reserved order by its tag before anything is sent again.
 */
final class KiteUnavailableException extends RuntimeException {

    KiteUnavailableException(String message) {
        super(message);
    }
}
