package com.alphapanda.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphapanda.core.event.MarketTick;
import com.alphapanda.core.money.Quantity;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Strategy#stateTicks()} is what the runner rebuilds a state from after a restart or a rebalance: folding only
 * the latest stateTicks() ticks into a fresh state must decide every later tick exactly as the uninterrupted state.
 */
class StrategyStateTicksTest {

    private static final int TICKS = 400;

    @Test
    void aMomentumStateRebuiltFromItsLookbackDecidesAsTheUninterruptedOne() {
        assertRebuiltStateDecidesAlike(new MomentumStrategy(7, new BigDecimal("0.004"), Quantity.of(10)), 7);
    }

    @Test
    void anRsiStateRebuiltFromTwiceItsPeriodDecidesAsTheUninterruptedOne() {
        assertRebuiltStateDecidesAlike(new RsiStrategy(5, new BigDecimal("40"), new BigDecimal("60"),
                Quantity.of(10)), 10);
    }

    @Test
    void aMeanReversionStateRebuiltFromItsWarmUpDecidesAsTheUninterruptedOne() {
        assertRebuiltStateDecidesAlike(new MeanReversionStrategy(8, 3, new BigDecimal("45"), new BigDecimal("55"),
                new BigDecimal("1.0"), Quantity.of(10)), 8);
    }

    @Test
    void aHybridOrBracketedStateNeedsWhatItsRulesAndModelNeed() {
        MomentumStrategy rules = new MomentumStrategy(6, new BigDecimal("0.004"), Quantity.of(10));
        assertThat(new HybridStrategy<>(rules, null, new HybridPolicy.Conservative()).stateTicks()).isEqualTo(6);
        assertRebuiltStateDecidesAlike(BracketedStrategy.of(rules,
                new com.alphapanda.core.event.OrderInstruction.Bracket(new BigDecimal("0.02"), null)), 6);
    }

    @Test
    void aStrategyThatDoesNotSayDependsOnTheWholeTradingDay() {
        assertThat(new LowFrequencyDemoStrategy(java.time.Duration.ofMinutes(15), null, null, Quantity.of(1))
                .stateTicks()).isEqualTo(Strategy.SESSION_DAY);
    }

    private static <S> void assertRebuiltStateDecidesAlike(Strategy<S> strategy, int expectedStateTicks) {
        assertThat(strategy.stateTicks()).isEqualTo(expectedStateTicks);
        List<MarketTick> ticks = randomWalk(new Random(13));
        List<Optional<StrategySignal>> uninterrupted = fold(strategy, strategy.newState(), ticks);
        assertThat(uninterrupted.stream().filter(Optional::isPresent).count()).as("the walk makes it signal")
                .isGreaterThan(10);
        for (int cut = 1; cut < TICKS; cut += 17) {
            S rebuilt = strategy.newState();
            fold(strategy, rebuilt, ticks.subList(Math.max(0, cut - strategy.stateTicks()), cut));
            List<Optional<StrategySignal>> after = fold(strategy, rebuilt, ticks.subList(cut, TICKS));
            assertThat(after).as("decisions after a rebuild at tick %d", cut)
                    .isEqualTo(uninterrupted.subList(cut, TICKS));
        }
    }

    private static <S> List<Optional<StrategySignal>> fold(Strategy<S> strategy, S state, List<MarketTick> ticks) {
        List<Optional<StrategySignal>> results = new ArrayList<>();
        ticks.forEach(t -> results.add(strategy.evaluate(t, state)));
        return results;
    }

    /** Prices on the 0.05 grid moving by up to ±0.5 % a tick. */
    private static List<MarketTick> randomWalk(Random random) {
        List<MarketTick> ticks = new ArrayList<>();
        BigDecimal price = new BigDecimal("1000.00");
        for (int i = 0; i < TICKS; i++) {
            price = price.add(new BigDecimal("0.05").multiply(BigDecimal.valueOf(random.nextInt(201) - 100)));
            ticks.add(Ticks.at(i, price.toPlainString()));
        }
        return ticks;
    }
}
