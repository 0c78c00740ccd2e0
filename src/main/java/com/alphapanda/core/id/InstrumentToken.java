package com.alphapanda.core.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Kite's numeric instrument token (e.g. 738561 for RELIANCE on NSE). */
public record InstrumentToken(long value) implements Comparable<InstrumentToken> {

    public InstrumentToken {
        if (value <= 0) {
            throw new IllegalArgumentException("instrument token must be positive, was " + value);
        }
    }

    @JsonCreator
    public static InstrumentToken of(long value) {
        return new InstrumentToken(value);
    }

    @JsonValue
    @Override
    public long value() {
        return value;
    }

    @Override
    public int compareTo(InstrumentToken other) {
        return Long.compare(value, other.value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
