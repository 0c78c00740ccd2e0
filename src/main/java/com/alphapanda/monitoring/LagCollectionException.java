package com.alphapanda.monitoring;

/** The broker could not be asked for offsets at all (unreachable, timed out): the lag is unknown, not zero. */
class LagCollectionException extends RuntimeException {

    LagCollectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
