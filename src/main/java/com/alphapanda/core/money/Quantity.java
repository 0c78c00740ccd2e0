package com.alphapanda.core.money;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A non-negative number of shares or contracts in an order or a fill. */
public record Quantity(long value) implements Comparable<Quantity> {

    public static final Quantity ZERO = new Quantity(0);

    public Quantity {
        if (value < 0) {
            throw new IllegalArgumentException("quantity must not be negative, was " + value);
        }
    }

    @JsonCreator
    public static Quantity of(long value) {
        return new Quantity(value);
    }

    @JsonValue
    @Override
    public long value() {
        return value;
    }

    public boolean isZero() {
        return value == 0;
    }

    @Override
    public int compareTo(Quantity other) {
        return Long.compare(value, other.value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
