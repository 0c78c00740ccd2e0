package com.alphapanda.marketfeed;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;

/** How fast a replay runs: {@code max} (as fast as the hand-off accepts) or a positive factor of real time. */
record ReplaySpeed(BigDecimal factor) {

    static final ReplaySpeed MAX = new ReplaySpeed(null);

    /** Parses {@code max} or a positive decimal such as {@code 1.0} or {@code 60}. */
    static ReplaySpeed parse(String text) {
        String value = text == null ? "" : text.strip();
        if (value.equalsIgnoreCase("max")) {
            return MAX;
        }
        try {
            BigDecimal factor = new BigDecimal(value);
            if (factor.signum() > 0) {
                return new ReplaySpeed(factor);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("replay speed '" + text + "' must be 'max' or a positive number");
    }

    boolean isMax() {
        return factor == null;
    }

    /** The wall-clock delay matching an event-time distance at this speed (zero at max). */
    Duration scale(Duration eventTime) {
        if (isMax()) {
            return Duration.ZERO;
        }
        BigDecimal nanos = BigDecimal.valueOf(eventTime.toNanos()).divide(factor, 0, RoundingMode.HALF_UP);
        return Duration.ofNanos(nanos.longValueExact());
    }
}
