package com.alphapanda.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphapanda.core.event.MarketTick;
import com.alphapanda.core.event.SignalType;
import com.alphapanda.core.money.Price;
import com.alphapanda.core.money.Quantity;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HybridPolicyTest {

    private static final HybridPolicy MAJORITY = new HybridPolicy.MajorityVote(new BigDecimal("0.6"));
    private static final HybridPolicy CONSERVATIVE = new HybridPolicy.Conservative();

    private static Optional<StrategySignal> signal(SignalType side, String confidence, long qty, String price) {
        return Optional.of(new StrategySignal(side, new BigDecimal(confidence), Quantity.of(qty), Price.of(price),
                side + " opinion"));
    }

    @Test
    void majorityVoteAgreementTakesMeanPlusATenthTheLargerQuantityAndTheModelsPrice() {
        StrategySignal s = MAJORITY.combine(signal(SignalType.BUY, "0.5", 100, "101"),
                signal(SignalType.BUY, "0.7", 50, "100.5")).orElseThrow();

        assertThat(s.side()).isEqualTo(SignalType.BUY);
        assertThat(s.confidence()).isEqualByComparingTo("0.7");
        assertThat(s.quantity()).isEqualTo(Quantity.of(100));
        assertThat(s.price().value()).isEqualByComparingTo("100.5");
    }

    @Test
    void majorityVoteDisagreementPrefersAConfidentModelElseTheRules() {
        Optional<StrategySignal> rules = signal(SignalType.BUY, "0.5", 100, "101");

        StrategySignal confidentModel = MAJORITY.combine(rules, signal(SignalType.SELL, "0.6", 10, "100"))
                .orElseThrow();
        StrategySignal fallback = MAJORITY.combine(rules, signal(SignalType.SELL, "0.59", 10, "100")).orElseThrow();

        assertThat(confidentModel.side()).isEqualTo(SignalType.SELL);
        assertThat(confidentModel.confidence()).isEqualByComparingTo("0.6");
        assertThat(fallback.side()).isEqualTo(SignalType.BUY);
        assertThat(fallback.confidence()).isEqualByComparingTo("0.5");
        assertThat(fallback.reasoning()).startsWith("Rules fallback");
    }

    @Test
    void majorityVoteWithAWeakModelAloneScalesItsConfidenceByEightTenths() {
        StrategySignal s = MAJORITY.combine(Optional.empty(), signal(SignalType.SELL, "0.5", 10, "100"))
                .orElseThrow();

        assertThat(s.confidence()).isEqualByComparingTo("0.4");
        assertThat(MAJORITY.combine(Optional.empty(), Optional.empty())).isEmpty();
    }

    @Test
    void conservativeNeedsAgreementAndTakesMeanPlusTwoTenthsTheSmallerQuantityAndTheRulesPrice() {
        StrategySignal s = CONSERVATIVE.combine(signal(SignalType.SELL, "0.5", 100, "101"),
                signal(SignalType.SELL, "0.7", 50, "100.5")).orElseThrow();

        assertThat(s.confidence()).isEqualByComparingTo("0.8");
        assertThat(s.quantity()).isEqualTo(Quantity.of(50));
        assertThat(s.price().value()).isEqualByComparingTo("101");
        assertThat(CONSERVATIVE.combine(signal(SignalType.SELL, "0.9", 1, "1"), signal(SignalType.BUY, "0.9", 1,
                "1"))).isEmpty();
        assertThat(CONSERVATIVE.combine(signal(SignalType.SELL, "0.9", 1, "1"), Optional.empty())).isEmpty();
    }

    @Test
    void agreementConfidenceIsCappedAtOne() {
        assertThat(CONSERVATIVE.combine(signal(SignalType.BUY, "0.9", 1, "1"), signal(SignalType.BUY, "0.95", 1, "1"))
                .orElseThrow().confidence()).isEqualByComparingTo("1");
    }

    @Test
    void withoutAModelMajorityVoteFallsBackToRulesAndConservativeStaysSilent() {
        MomentumStrategy rules = new MomentumStrategy(2, new BigDecimal("0.005"), Quantity.of(100));

        List<Optional<StrategySignal>> majority = Ticks.feed(new HybridStrategy<>(rules, null, MAJORITY), "100", "101");
        List<Optional<StrategySignal>> conservative =
                Ticks.feed(new HybridStrategy<>(rules, null, CONSERVATIVE), "100", "101");

        assertThat(majority.get(1).orElseThrow().reasoning()).startsWith("Rules fallback");
        assertThat(majority.get(1).orElseThrow().confidence()).isEqualByComparingTo("0.05");
        assertThat(conservative).allMatch(Optional::isEmpty);
    }

    @Test
    void aModelSeesThePriceHistoryEndingWithTheCurrentTick() {
        SignalModel lastTwoRising = new SignalModel() {
            @Override
            public String name() {
                return "rising";
            }

            @Override
            public int requiredHistory() {
                return 2;
            }

            @Override
            public Optional<StrategySignal> predict(MarketTick tick, PriceHistory history) {
                boolean rising = history.size() == 2 && history.newest().compareTo(history.get(0)) > 0;
                return rising ? signal(SignalType.BUY, "0.9", 10, tick.lastPrice().toString()) : Optional.empty();
            }
        };
        MomentumStrategy rules = new MomentumStrategy(2, new BigDecimal("0.005"), Quantity.of(100));

        StrategySignal s = Ticks.feed(new HybridStrategy<>(rules, lastTwoRising, CONSERVATIVE), "100", "101").get(1)
                .orElseThrow();

        assertThat(s.confidence()).isEqualByComparingTo("0.675"); // (0.05 + 0.9)/2 + 0.2
    }
}
