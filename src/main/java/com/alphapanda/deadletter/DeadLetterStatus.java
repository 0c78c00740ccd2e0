package com.alphapanda.deadletter;

import java.util.Locale;

/** Where a dead letter is in its life. */
public enum DeadLetterStatus {
    PENDING, REPLAYED, PURGED;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    static DeadLetterStatus fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
