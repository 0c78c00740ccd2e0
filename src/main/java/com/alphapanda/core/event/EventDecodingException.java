package com.alphapanda.core.event;

/**
 * A record's bytes are not a valid event envelope (malformed JSON, missing or invalid fields, unknown type, a payload
 * of the wrong family for its topic). Permanent: retrying cannot help, so such a record goes to the dead-letter topic.
 */
public class EventDecodingException extends RuntimeException {

    public EventDecodingException(String message) {
        super(message);
    }

    public EventDecodingException(String message, Throwable cause) {
        super(message, cause);
    }
}
