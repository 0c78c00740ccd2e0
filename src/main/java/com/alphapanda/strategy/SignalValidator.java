package com.alphapanda.strategy;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The {@code standard} validator: a signal is dropped unless its confidence is within [0, {@code max_confidence}]
 * (default 1; the reference's default of 100 let out-of-range values through) and its quantity is at least
 * {@code min_quantity} (default 1). Prices are positive by type.
 */
record SignalValidator(BigDecimal maxConfidence, long minQuantity) {

    static final SignalValidator STANDARD = new SignalValidator(BigDecimal.ONE, 1);

    /** Why the signal is not acceptable, or empty when it is. */
    Optional<String> problem(StrategySignal signal) {
        if (signal.confidence().signum() < 0 || signal.confidence().compareTo(maxConfidence) > 0) {
            return Optional.of("confidence " + signal.confidence().toPlainString() + " outside [0, "
                    + maxConfidence.toPlainString() + "]");
        }
        if (signal.quantity().value() < minQuantity) {
            return Optional.of("quantity " + signal.quantity() + " below min_quantity " + minQuantity);
        }
        return Optional.empty();
    }
}
