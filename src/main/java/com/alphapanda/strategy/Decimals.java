package com.alphapanda.strategy;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Decimal arithmetic of indicators. Sums and differences of prices are exact (no rounding, so a rolling sum never
 * drifts); divisions and square roots are rounded to {@link MathContext#DECIMAL64} (16 significant digits,
 * half-even), far finer than a price tick.
 */
final class Decimals {

    static final MathContext MC = MathContext.DECIMAL64;
    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Decimals() {
    }

    static BigDecimal clamp01(BigDecimal value) {
        if (value.signum() < 0) {
            return BigDecimal.ZERO;
        }
        return value.compareTo(BigDecimal.ONE) > 0 ? BigDecimal.ONE : value;
    }

    static BigDecimal divide(BigDecimal dividend, BigDecimal divisor) {
        return dividend.divide(divisor, MC);
    }
}
