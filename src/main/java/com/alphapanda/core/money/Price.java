package com.alphapanda.core.money;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.util.Objects;

/** A strictly positive price in rupees, exact decimal. Written to JSON as a string. */
public record Price(BigDecimal value) implements Comparable<Price> {

    public Price {
        Objects.requireNonNull(value, "price");
        if (value.signum() <= 0) {
            throw new IllegalArgumentException("price must be positive, was " + value.toPlainString());
        }
    }

    @JsonCreator
    public static Price of(BigDecimal value) {
        return new Price(value);
    }

    public static Price of(String value) {
        return new Price(new BigDecimal(value));
    }

    @JsonValue
    @Override
    public BigDecimal value() {
        return value;
    }

    @Override
    public int compareTo(Price other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value.toPlainString();
    }
}
