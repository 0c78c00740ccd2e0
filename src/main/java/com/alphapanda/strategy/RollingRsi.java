package com.alphapanda.strategy;

import java.math.BigDecimal;

/**
 * The relative strength index over the last {@code period} price changes, with simple (not Wilder-smoothed) averages,
 * as the reference computes it: RSI = 100 − 100 / (1 + avgGain / avgLoss) = 100 · gains / (gains + losses). It needs
 * {@code period + 1} prices. Unlike the reference, the current tick is counted once (the reference appended it a
 * second time, so its last change was always zero). With no movement at all in the window the RSI is 50 (neutral);
 * with gains and no losses it is 100. Updated in O(1) with exact running sums.
 */
public final class RollingRsi {

    private final RollingWindow changes;
    private BigDecimal previous;
    private BigDecimal gains = BigDecimal.ZERO;
    private BigDecimal losses = BigDecimal.ZERO;

    public RollingRsi(int period) {
        this.changes = new RollingWindow(period);
    }

    public void add(BigDecimal price) {
        if (previous != null) {
            BigDecimal change = price.subtract(previous);
            BigDecimal evicted = changes.add(change);
            accumulate(change, 1);
            if (evicted != null) {
                accumulate(evicted, -1);
            }
        }
        previous = price;
    }

    private void accumulate(BigDecimal change, int sign) {
        if (change.signum() > 0) {
            gains = sign > 0 ? gains.add(change) : gains.subtract(change);
        } else if (change.signum() < 0) {
            losses = sign > 0 ? losses.subtract(change) : losses.add(change);
        }
    }

    public boolean isReady() {
        return changes.isFull();
    }

    /** Sum of the positive changes in the window. */
    public BigDecimal gains() {
        return gains;
    }

    /** Sum of the magnitudes of the negative changes in the window. */
    public BigDecimal losses() {
        return losses;
    }

    public BigDecimal value() {
        BigDecimal total = gains.add(losses);
        if (total.signum() == 0) {
            return BigDecimal.valueOf(50);
        }
        return Decimals.divide(Decimals.HUNDRED.multiply(gains), total);
    }

    /** Whether RSI < {@code level}, decided exactly without dividing. */
    public boolean isBelow(BigDecimal level) {
        BigDecimal total = gains.add(losses);
        if (total.signum() == 0) {
            return BigDecimal.valueOf(50).compareTo(level) < 0;
        }
        return Decimals.HUNDRED.multiply(gains).compareTo(level.multiply(total)) < 0;
    }

    /** Whether RSI > {@code level}, decided exactly without dividing. */
    public boolean isAbove(BigDecimal level) {
        BigDecimal total = gains.add(losses);
        if (total.signum() == 0) {
            return BigDecimal.valueOf(50).compareTo(level) > 0;
        }
        return Decimals.HUNDRED.multiply(gains).compareTo(level.multiply(total)) > 0;
    }
}
