package com.alphapanda.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Incremental indicators equal a naive recomputation over the same window, for random price series. */
class IndicatorProperties {

    private static final MathContext WIDE = MathContext.DECIMAL128;
    private static final BigDecimal TOLERANCE = new BigDecimal("1e-12");

    @Provide
    Arbitrary<List<BigDecimal>> prices() {
        return Arbitraries.bigDecimals().between(new BigDecimal("0.05"), new BigDecimal("50000")).ofScale(2)
                .list().ofMinSize(1).ofMaxSize(200);
    }

    @Property
    void rollingWindowHoldsTheLastValuesInOrder(@ForAll("prices") List<BigDecimal> prices,
                                                @ForAll @IntRange(min = 1, max = 40) int capacity) {
        RollingWindow window = new RollingWindow(capacity);
        prices.forEach(window::add);

        List<BigDecimal> tail = prices.subList(Math.max(0, prices.size() - capacity), prices.size());
        assertThat(window.size()).isEqualTo(tail.size());
        for (int i = 0; i < tail.size(); i++) {
            assertThat(window.get(i)).isEqualTo(tail.get(i));
        }
    }

    @Property
    void rollingMeanAndSampleDeviationEqualTheNaiveOnes(@ForAll("prices") List<BigDecimal> prices,
                                                         @ForAll @IntRange(min = 2, max = 40) int period) {
        RollingStatistics stats = new RollingStatistics(period);
        prices.forEach(stats::add);
        List<BigDecimal> window = prices.subList(Math.max(0, prices.size() - period), prices.size());
        if (window.size() < 2) {
            return;
        }
        BigDecimal n = BigDecimal.valueOf(window.size());
        BigDecimal mean = window.stream().reduce(BigDecimal.ZERO, BigDecimal::add).divide(n, WIDE);
        BigDecimal variance = window.stream().map(p -> p.subtract(mean).pow(2)).reduce(BigDecimal.ZERO,
                BigDecimal::add).divide(n.subtract(BigDecimal.ONE), WIDE);

        assertClose(stats.mean(), mean);
        assertClose(stats.sampleVariance(), variance);
        assertClose(stats.sampleStandardDeviation(), variance.sqrt(WIDE));
    }

    @Property
    void rollingRsiEqualsTheNaiveRsiOverTheLastChanges(@ForAll("prices") List<BigDecimal> prices,
                                                       @ForAll @IntRange(min = 1, max = 30) int period) {
        RollingRsi rsi = new RollingRsi(period);
        prices.forEach(rsi::add);
        if (prices.size() < period + 1) {
            assertThat(rsi.isReady()).isFalse();
            return;
        }
        BigDecimal gains = BigDecimal.ZERO;
        BigDecimal losses = BigDecimal.ZERO;
        for (int i = prices.size() - period; i < prices.size(); i++) {
            BigDecimal change = prices.get(i).subtract(prices.get(i - 1));
            gains = change.signum() > 0 ? gains.add(change) : gains;
            losses = change.signum() < 0 ? losses.subtract(change) : losses;
        }
        BigDecimal expected = losses.signum() == 0
                ? (gains.signum() == 0 ? BigDecimal.valueOf(50) : BigDecimal.valueOf(100))
                : BigDecimal.valueOf(100).subtract(BigDecimal.valueOf(100).divide(BigDecimal.ONE.add(
                        gains.divide(losses, WIDE)), WIDE));

        assertThat(rsi.isReady()).isTrue();
        assertClose(rsi.value(), expected);
        BigDecimal level = new BigDecimal("30");
        if (expected.subtract(level).abs().compareTo(TOLERANCE) < 0) {
            return; // exactly at the level: the naive value may round either side
        }
        assertThat(rsi.isBelow(level)).isEqualTo(expected.compareTo(level) < 0);
        assertThat(rsi.isAbove(level)).isEqualTo(expected.compareTo(level) > 0);
    }

    private static void assertClose(BigDecimal actual, BigDecimal expected) {
        BigDecimal scale = expected.abs().max(BigDecimal.ONE);
        assertThat(actual.subtract(expected).abs()).isLessThanOrEqualTo(TOLERANCE.multiply(scale));
    }
}
