package com.alphapanda.core.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.regex.Pattern;

/** The id of a configured strategy instance, e.g. {@code momentum_nifty_1}. */
public record StrategyId(String value) implements Comparable<StrategyId> {

    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,99}");

    public StrategyId {
        Objects.requireNonNull(value, "strategy id");
        if (!ALLOWED.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "strategy id must be 1-100 letters, digits, '_', '.' or '-' (starting with a letter or digit), was '"
                            + value + "'");
        }
    }

    @JsonCreator
    public static StrategyId of(String value) {
        return new StrategyId(value);
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public int compareTo(StrategyId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
