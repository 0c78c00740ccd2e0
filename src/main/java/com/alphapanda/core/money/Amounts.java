package com.alphapanda.core.money;

import java.math.BigDecimal;

/**
 * The one text form of an amount (and of every other decimal) in the API: exact, plain notation (never an exponent),
 * at least two decimals, no trailing zeros beyond them: {@code "990.70"}, {@code "0.00"}, {@code "990.20465"},
 * {@code "-12.50"}. Nothing is rounded, so amounts read from the API add up exactly to what the ledger holds.
 */
public final class Amounts {

    private static final int MIN_SCALE = 2;

    private Amounts() {
    }

    /** The text of an amount; null stays null. */
    public static String text(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < MIN_SCALE ? stripped.setScale(MIN_SCALE) : stripped).toPlainString();
    }

    public static String text(Money value) {
        return value == null ? null : text(value.value());
    }

    public static String text(Price value) {
        return value == null ? null : text(value.value());
    }
}
