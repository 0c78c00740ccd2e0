package com.alphapanda.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphapanda.core.event.SignalType;
import com.alphapanda.core.money.Quantity;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MomentumStrategyTest {

    private final MomentumStrategy strategy = new MomentumStrategy(2, new BigDecimal("0.005"), Quantity.of(100));

    @Test
    void buysAt101AndAt102WithConfidenceFiveTimesMomentum() {
        List<Optional<StrategySignal>> out = Ticks.feed(strategy, "100", "101", "102");

        assertThat(out.get(0)).isEmpty();
        StrategySignal first = out.get(1).orElseThrow();
        assertThat(first.side()).isEqualTo(SignalType.BUY);
        assertThat(first.price().value()).isEqualByComparingTo("101");
        assertThat(first.quantity()).isEqualTo(Quantity.of(100));
        assertThat(first.confidence()).isEqualByComparingTo("0.05"); // 5 × (101 − 100)/100
        StrategySignal second = out.get(2).orElseThrow();
        assertThat(second.side()).isEqualTo(SignalType.BUY);
        assertThat(second.price().value()).isEqualByComparingTo("102");
        // 5 × (102 − 101)/101 = 0.0495049504950495…, momentum rounded to 16 digits first
        assertThat(second.confidence()).isEqualByComparingTo("0.049504950495049505");
        assertThat(second.reasoning()).contains("momentum");
    }

    @Test
    void sellsWhenPriceFallsBeyondTheThreshold() {
        StrategySignal sell = Ticks.feed(strategy, "100", "99").get(1).orElseThrow();

        assertThat(sell.side()).isEqualTo(SignalType.SELL);
        assertThat(sell.confidence()).isEqualByComparingTo("0.05");
    }

    @Test
    void staysSilentWithinTheThresholdAndUntilTheLookbackIsFilled() {
        MomentumStrategy longer = new MomentumStrategy(3, new BigDecimal("0.005"), Quantity.of(100));

        assertThat(Ticks.feed(strategy, "100", "100.4", "100.9")).allMatch(Optional::isEmpty);
        assertThat(Ticks.feed(longer, "100", "110")).allMatch(Optional::isEmpty);
    }

    @Test
    void capsConfidenceAtOne() {
        StrategySignal jump = Ticks.feed(strategy, "100", "150").get(1).orElseThrow();

        assertThat(jump.confidence()).isEqualByComparingTo("1");
    }

    @Test
    void comparesAgainstThePriceLookbackMinusOneTicksAgo() {
        MomentumStrategy twenty = new MomentumStrategy(20, new BigDecimal("0.01"), Quantity.of(100));
        String[] prices = new String[20];
        for (int i = 0; i < 19; i++) {
            prices[i] = "100";
        }
        prices[19] = "101.5";

        List<Optional<StrategySignal>> out = Ticks.feed(twenty, prices);

        assertThat(out.subList(0, 19)).allMatch(Optional::isEmpty);
        assertThat(out.get(19).orElseThrow().confidence()).isEqualByComparingTo("0.075");
    }
}
