package com.alphapanda.strategy;

import java.math.BigDecimal;

/**
 * Simple moving average and sample standard deviation over the last {@code period} prices, updated in O(1). The sum
 * and the sum of squares are kept exactly; only the final division and square root round (to DECIMAL64).
 */
public final class RollingStatistics {

    private final RollingWindow window;
    private BigDecimal sum = BigDecimal.ZERO;
    private BigDecimal sumOfSquares = BigDecimal.ZERO;

    public RollingStatistics(int period) {
        if (period < 2) {
            throw new IllegalArgumentException("a sample standard deviation needs a period of at least 2");
        }
        this.window = new RollingWindow(period);
    }

    public void add(BigDecimal price) {
        BigDecimal evicted = window.add(price);
        sum = sum.add(price);
        sumOfSquares = sumOfSquares.add(price.multiply(price));
        if (evicted != null) {
            sum = sum.subtract(evicted);
            sumOfSquares = sumOfSquares.subtract(evicted.multiply(evicted));
        }
    }

    public boolean isReady() {
        return window.isFull();
    }

    public int count() {
        return window.size();
    }

    public BigDecimal sum() {
        return sum;
    }

    public BigDecimal mean() {
        return Decimals.divide(sum, BigDecimal.valueOf(window.size()));
    }

    /** n·Σx² − (Σx)², exactly: the sample variance times n·(n − 1). Never negative. */
    BigDecimal scaledVariance() {
        BigDecimal n = BigDecimal.valueOf(window.size());
        return n.multiply(sumOfSquares).subtract(sum.multiply(sum));
    }

    public BigDecimal sampleVariance() {
        long n = window.size();
        return Decimals.divide(scaledVariance(), BigDecimal.valueOf(n * (n - 1)));
    }

    public BigDecimal sampleStandardDeviation() {
        return sampleVariance().sqrt(Decimals.MC);
    }
}
