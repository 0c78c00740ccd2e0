package com.alphapanda.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.alphapanda.core.event.SignalType;
import com.alphapanda.core.money.Quantity;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MeanReversionStrategyTest {

    private static final MathContext MC = MathContext.DECIMAL128;

    private static MeanReversionStrategy strategy(String bandWidth) {
        return new MeanReversionStrategy(5, 2, new BigDecimal("30"), new BigDecimal("70"), new BigDecimal(bandWidth),
                Quantity.of(100));
    }

    @Test
    void buysWhenOversoldAndBelowTheLowerBandWithTheReferenceConfidence() {
        List<Optional<StrategySignal>> out = Ticks.feed(strategy("1.5"), "100", "101", "102", "103", "96");

        assertThat(out.subList(0, 4)).allMatch(Optional::isEmpty); // warm-up max(lookback 5, 2 × rsi_period 2)
        StrategySignal buy = out.get(4).orElseThrow();
        BigDecimal rsi = RsiStrategyTest.referenceRsi(List.of("103", "96"), "102"); // 12.5
        BigDecimal lower = bollinger(List.of("100", "101", "102", "103", "96"), "1.5", -1);
        BigDecimal expected = new BigDecimal("30").subtract(rsi).divide(BigDecimal.valueOf(20), MC)
                .add(lower.subtract(new BigDecimal("96")).divide(lower, MC));
        assertThat(buy.side()).isEqualTo(SignalType.BUY);
        assertThat(buy.price().value()).isEqualByComparingTo("96");
        assertThat(buy.confidence()).isCloseTo(expected, within(new BigDecimal("1e-14")));
        assertThat(expected).isCloseTo(new BigDecimal("0.8786"), within(new BigDecimal("0.0001")));
    }

    @Test
    void staysSilentWhenOversoldButInsideTheBands() {
        // with 2 standard deviations the lower band is 94.996…, above which 96 stays
        assertThat(Ticks.feed(strategy("2.0"), "100", "101", "102", "103", "96")).allMatch(Optional::isEmpty);
    }

    @Test
    void sellsWhenOverboughtAndAboveTheUpperBand() {
        StrategySignal sell = Ticks.feed(strategy("1.5"), "100", "99", "98", "97", "104").get(4).orElseThrow();

        BigDecimal rsi = RsiStrategyTest.referenceRsi(List.of("97", "104"), "98"); // 87.5
        BigDecimal upper = bollinger(List.of("100", "99", "98", "97", "104"), "1.5", 1);
        BigDecimal expected = rsi.subtract(new BigDecimal("70")).divide(BigDecimal.valueOf(20), MC)
                .add(new BigDecimal("104").subtract(upper).divide(upper, MC));
        assertThat(sell.side()).isEqualTo(SignalType.SELL);
        assertThat(sell.confidence()).isCloseTo(expected, within(new BigDecimal("1e-14")));
    }

    /** mean ± k · sample standard deviation, from scratch in 34 digits. */
    private static BigDecimal bollinger(List<String> prices, String k, int side) {
        BigDecimal n = BigDecimal.valueOf(prices.size());
        BigDecimal mean = prices.stream().map(BigDecimal::new).reduce(BigDecimal.ZERO, BigDecimal::add).divide(n, MC);
        BigDecimal squares = prices.stream().map(BigDecimal::new).map(p -> p.subtract(mean).pow(2))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal sd = squares.divide(n.subtract(BigDecimal.ONE), MC).sqrt(MC);
        BigDecimal offset = new BigDecimal(k).multiply(sd);
        return side > 0 ? mean.add(offset) : mean.subtract(offset);
    }
}
