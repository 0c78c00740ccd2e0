package com.alphapanda.cli;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;

/** Option values read by a command itself, so a bad one is one line naming the option (exit code 2 for the caller). */
final class OptionValues {

    private OptionValues() {
    }

    static BigDecimal decimal(String option, String text) {
        try {
            BigDecimal value = new BigDecimal(text.strip());
            if (value.signum() < 0) {
                throw new IllegalArgumentException(option + " must not be negative, was " + text);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " '" + text + "' is not a decimal number");
        }
    }

    static BigDecimal positive(String option, String text) {
        BigDecimal value = decimal(option, text);
        if (value.signum() == 0) {
            throw new IllegalArgumentException(option + " must be positive, was " + text);
        }
        return value;
    }

    static LocalDate date(String option, String text) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + " '" + text + "' is not a date (YYYY-MM-DD)");
        }
    }

    static <E extends Enum<E>> E choice(String option, String text, Class<E> type) {
        String wanted = text.strip().replace('-', '_');
        for (E value : type.getEnumConstants()) {
            if (value.name().equalsIgnoreCase(wanted)) {
                return value;
            }
        }
        throw new IllegalArgumentException(option + " '" + text + "' is not one of "
                + Arrays.stream(type.getEnumConstants())
                        .map(v -> v.name().toLowerCase().replace('_', '-')).toList());
    }
}
