package com.alphapanda.core.money;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.util.Objects;

/** An amount of rupees (may be negative: a loss, a debit). Exact decimal; written to JSON as a string. */
public record Money(BigDecimal value) implements Comparable<Money> {

    public static final Money ZERO = new Money(BigDecimal.ZERO);

    public Money {
        Objects.requireNonNull(value, "money");
    }

    @JsonCreator
    public static Money of(BigDecimal value) {
        return new Money(value);
    }

    public static Money of(String value) {
        return new Money(new BigDecimal(value));
    }

    @JsonValue
    @Override
    public BigDecimal value() {
        return value;
    }

    public Money plus(Money other) {
        return new Money(value.add(other.value));
    }

    public Money minus(Money other) {
        return new Money(value.subtract(other.value));
    }

    public Money negate() {
        return new Money(value.negate());
    }

    public boolean isNegative() {
        return value.signum() < 0;
    }

    /** Numeric equality, ignoring scale: {@code 1.0} equals {@code 1.00}. */
    public boolean isSameAmount(Money other) {
        return value.compareTo(other.value) == 0;
    }

    @Override
    public int compareTo(Money other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value.toPlainString();
    }
}
