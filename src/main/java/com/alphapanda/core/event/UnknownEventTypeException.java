package com.alphapanda.core.event;

/** An envelope names a payload type this version does not know: a permanent failure, never retried. */
public class UnknownEventTypeException extends EventDecodingException {

    public UnknownEventTypeException(String wireName) {
        super("unknown event type '" + wireName + "'");
    }
}
