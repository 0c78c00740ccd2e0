package com.alphapanda.strategy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Typed, validated reads of a strategy's {@code parameters} object. Every read names its parameter, so after a
 * strategy has read what it knows, any other key is reported as unknown together with the allowed names. Problems are
 * collected, not thrown one at a time, so a user sees all of them at once.
 */
final class StrategyParameters {

    private static final int MAX_TEXT = 500;

    private final String prefix;
    private final Map<String, Object> values;
    private final Set<String> allowed = new LinkedHashSet<>();
    private final Map<String, String> defaults = new LinkedHashMap<>();
    private final List<String> problems;
    private final List<StrategyParameters> children = new ArrayList<>();

    StrategyParameters(Map<String, ?> values) {
        this("", values, new ArrayList<>());
    }

    private StrategyParameters(String prefix, Map<String, ?> values, List<String> problems) {
        this.prefix = prefix;
        this.values = new LinkedHashMap<>(values == null ? Map.of() : values);
        this.problems = problems;
    }

    /** A whole number within [min, max]. */
    int integer(String name, int defaultValue, int min, int max) {
        BigDecimal value = number(name, BigDecimal.valueOf(defaultValue));
        if (value == null || value.stripTrailingZeros().scale() > 0 || value.compareTo(BigDecimal.valueOf(min)) < 0
                || value.compareTo(BigDecimal.valueOf(max)) > 0) {
            problem(name, "a whole number from " + min + " to " + max);
            return defaultValue;
        }
        return value.intValueExact();
    }

    Integer optionalInteger(String name, int min, int max) {
        if (values.get(name) == null) {
            allowed.add(name);
            defaults.putIfAbsent(name, null);
            return null;
        }
        return integer(name, min, min, max);
    }

    /** An optional decimal in (0, max]: null when absent. */
    BigDecimal optionalFraction(String name, BigDecimal max) {
        if (values.get(name) == null) {
            allowed.add(name);
            defaults.putIfAbsent(name, null);
            return null;
        }
        BigDecimal value = number(name, BigDecimal.ONE);
        if (value == null || value.signum() <= 0 || value.compareTo(max) > 0) {
            problem(name, "a number > 0 and ≤ " + max.toPlainString());
            return null;
        }
        return value;
    }

    /** A decimal within [min, max] (either bound null: open). */
    BigDecimal decimal(String name, String defaultValue, BigDecimal min, BigDecimal max) {
        BigDecimal value = number(name, new BigDecimal(defaultValue));
        if (value == null || (min != null && value.compareTo(min) < 0) || (max != null && value.compareTo(max) > 0)) {
            problem(name, "a number" + (min != null ? " ≥ " + min.toPlainString() : "")
                    + (max != null ? " and ≤ " + max.toPlainString() : ""));
            return new BigDecimal(defaultValue);
        }
        return value;
    }

    String choice(String name, String defaultValue, List<String> choices) {
        allowed.add(name);
        defaults.putIfAbsent(name, defaultValue + " (one of " + String.join(", ", choices) + ")");
        Object raw = values.getOrDefault(name, defaultValue);
        String value = raw == null ? defaultValue : raw.toString().strip().toLowerCase(java.util.Locale.ROOT);
        if (!choices.contains(value)) {
            problem(name, "one of " + String.join(", ", choices));
            return defaultValue;
        }
        return value;
    }

    /** The object under {@code name}, read with the same rules; its keys are reported as {@code name.key}. */
    StrategyParameters nested(String name) {
        allowed.add(name);
        Object raw = values.get(name);
        if (raw != null && !(raw instanceof Map<?, ?>)) {
            problem(name, "an object");
            raw = null;
        }
        @SuppressWarnings("unchecked")
        Map<String, ?> map = raw == null ? Map.of() : (Map<String, ?>) raw;
        StrategyParameters child = new StrategyParameters(prefix + name + ".", map, problems);
        children.add(child);
        return child;
    }

    String text(String name, String defaultValue) {
        allowed.add(name);
        defaults.putIfAbsent(name, defaultValue);
        Object raw = values.get(name);
        if (raw == null) {
            return defaultValue;
        }
        if (!(raw instanceof String s) || s.isBlank() || s.length() > MAX_TEXT) {
            problem(name, "a non-empty text of at most " + MAX_TEXT + " characters");
            return defaultValue;
        }
        return s.strip();
    }

    /** Reports keys nobody read; throws when any problem was found. */
    void finish(String strategyId) {
        reportUnknownKeys();
        if (!problems.isEmpty()) {
            throw new InvalidStrategyException(strategyId, problems);
        }
    }

    private void reportUnknownKeys() {
        for (String key : values.keySet()) {
            if (!allowed.contains(key)) {
                problems.add("unknown parameter '" + prefix + key + "' (allowed: " + String.join(", ",
                        allowed.stream().map(a -> prefix + a).toList()) + ")");
            }
        }
        children.forEach(StrategyParameters::reportUnknownKeys);
    }

    /** Every parameter read so far (nested ones as {@code name.key}) with its default (null: none). */
    Map<String, String> defaults() {
        Map<String, String> all = new LinkedHashMap<>();
        defaults.forEach((name, value) -> all.put(prefix + name, value));
        children.forEach(child -> all.putAll(child.defaults()));
        return all;
    }

    /** Records a problem found outside the typed reads (e.g. an unknown model). */
    void reject(String problem) {
        problems.add(problem);
    }

    private BigDecimal number(String name, BigDecimal defaultValue) {
        allowed.add(name);
        defaults.putIfAbsent(name, defaultValue.toPlainString());
        Object raw = values.get(name);
        if (raw == null) {
            return defaultValue;
        }
        if (raw instanceof BigDecimal d) {
            return bounded(d);
        }
        if ((raw instanceof Number || raw instanceof String) && raw.toString().length() <= StrategyLimits.MAX_DIGITS * 2) {
            try {
                return bounded(new BigDecimal(raw.toString().strip()));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** A number of at most {@link StrategyLimits#MAX_DIGITS} digits and a sane exponent, else null (a problem). */
    private static BigDecimal bounded(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        boolean sane = stripped.precision() <= StrategyLimits.MAX_DIGITS
                && Math.abs((long) stripped.scale()) <= StrategyLimits.MAX_DIGITS;
        return sane ? value : null;
    }

    private void problem(String name, String expected) {
        String was = String.valueOf(values.get(name));
        if (was.length() > 40) {
            was = was.substring(0, 40) + "…";
        }
        problems.add("parameter '" + prefix + name + "' must be " + expected + ", was '" + was + "'");
    }
}
