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

class RsiStrategyTest {

    @Test
    void buysBelowOversoldWithConfidenceFromTheIndependentRsi() {
        RsiStrategy strategy = new RsiStrategy(3, new BigDecimal("40"), new BigDecimal("70"), Quantity.of(100));

        List<Optional<StrategySignal>> out = Ticks.feed(strategy, "10", "10", "10", "10.5", "10.0", "9.5");

        assertThat(out.subList(0, 5)).allMatch(Optional::isEmpty); // needs 2 × rsi_period ticks
        StrategySignal buy = out.get(5).orElseThrow();
        BigDecimal rsi = referenceRsi(List.of("10.5", "10.0", "9.5"), "10");  // 33.33…
        assertThat(buy.side()).isEqualTo(SignalType.BUY);
        assertThat(buy.confidence()).isCloseTo(new BigDecimal("40").subtract(rsi)
                .divide(new BigDecimal("40"), MathContext.DECIMAL128), within(new BigDecimal("1e-14")));
    }

    @Test
    void sellsAboveOverboughtWithConfidenceRelativeToTheRemainingRange() {
        RsiStrategy strategy = new RsiStrategy(3, new BigDecimal("30"), new BigDecimal("70"), Quantity.of(100));

        StrategySignal sell = Ticks.feed(strategy, "10", "10", "10", "9.8", "10.6", "11.0").get(5).orElseThrow();

        // gains 0.8 + 0.4, loss 0.2 → RSI 100·1.2/1.4 = 85.714…; confidence (RSI − 70)/30
        BigDecimal rsi = referenceRsi(List.of("9.8", "10.6", "11.0"), "10");
        assertThat(sell.side()).isEqualTo(SignalType.SELL);
        assertThat(sell.confidence()).isCloseTo(rsi.subtract(new BigDecimal("70"))
                .divide(new BigDecimal("30"), MathContext.DECIMAL128), within(new BigDecimal("1e-14")));
    }

    @Test
    void countsTheCurrentTickOnceUnlikeTheReference() {
        // With the reference's duplicated tick the last change would be 0 and RSI 100·1/(1+0)… here the fall counts.
        RsiStrategy strategy = new RsiStrategy(2, new BigDecimal("30"), new BigDecimal("70"), Quantity.of(100));

        List<Optional<StrategySignal>> out = Ticks.feed(strategy, "10", "10", "11", "10.5");

        assertThat(out.get(3)).isEmpty(); // gains 1, losses 0.5 → RSI 66.7, neither zone
    }

    @Test
    void aFlatMarketIsNeutralNotOverbought() {
        RsiStrategy strategy = new RsiStrategy(2, new BigDecimal("30"), new BigDecimal("70"), Quantity.of(100));

        assertThat(Ticks.feed(strategy, "10", "10", "10", "10", "10")).allMatch(Optional::isEmpty);
    }

    /** RSI = 100 − 100/(1 + avgGain/avgLoss), computed from scratch in 34 digits. */
    static BigDecimal referenceRsi(List<String> prices, String before) {
        BigDecimal gain = BigDecimal.ZERO;
        BigDecimal loss = BigDecimal.ZERO;
        BigDecimal previous = new BigDecimal(before);
        for (String p : prices) {
            BigDecimal change = new BigDecimal(p).subtract(previous);
            if (change.signum() > 0) {
                gain = gain.add(change);
            } else {
                loss = loss.subtract(change);
            }
            previous = new BigDecimal(p);
        }
        MathContext mc = MathContext.DECIMAL128;
        BigDecimal n = BigDecimal.valueOf(prices.size());
        BigDecimal rs = gain.divide(n, mc).divide(loss.divide(n, mc), mc);
        return BigDecimal.valueOf(100).subtract(BigDecimal.valueOf(100).divide(BigDecimal.ONE.add(rs), mc));
    }
}
