package com.alphapanda.strategy.bench;

import com.alphapanda.core.event.MarketTick;
import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.core.money.Price;
import com.alphapanda.core.money.Quantity;
import com.alphapanda.instrument.InstrumentUniverse;
import com.alphapanda.strategy.MeanReversionStrategy;
import com.alphapanda.strategy.MomentumStrategy;
import com.alphapanda.strategy.Strategy;
import com.alphapanda.strategy.StrategySignal;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * In-process strategy evaluations per second on one thread (= per core), 20 instruments, reference default
 * parameters. Baseline: the same loop doing only the per-tick routing (state lookup by instrument token).
 * Run: see PERFORMANCE.md, section "Market data and strategies".
 */
public final class StrategyBenchmark {

    private static final int TICKS_PER_INSTRUMENT = 10_000;
    private static final int PASSES = 10;
    private static final int WARM_UP_RUNS = 3;
    private static final int RUNS = 7;

    private StrategyBenchmark() {
    }

    public static void main(String[] args) {
        List<MarketTick> ticks = randomWalk(InstrumentUniverse.bundledTokens(), 1);
        System.out.printf("%d instruments, %d ticks per run, %d warm-up + %d measured runs, JDK %s%n",
                InstrumentUniverse.bundledTokens().size(), ticks.size() * PASSES, WARM_UP_RUNS, RUNS,
                Runtime.version());
        double baseline = measure("baseline (routing only)", ticks, null);
        double momentum = measure("momentum (lookback 20, threshold 0.01)", ticks,
                new MomentumStrategy(20, new BigDecimal("0.01"), Quantity.of(100)));
        double meanReversion = measure("mean_reversion (20, rsi 14, 30/70, 2.0 sd)", ticks,
                new MeanReversionStrategy(20, 14, new BigDecimal("30"), new BigDecimal("70"), new BigDecimal("2.0"),
                        Quantity.of(100)));
        System.out.printf("momentum/baseline = %.3f, mean_reversion/baseline = %.3f%n", momentum / baseline,
                meanReversion / baseline);
    }

    private static <S> double measure(String name, List<MarketTick> ticks, Strategy<S> strategy) {
        double[] rates = new double[RUNS];
        long signals = 0;
        for (int run = -WARM_UP_RUNS; run < RUNS; run++) {
            Map<InstrumentToken, Object> states = new HashMap<>();
            InstrumentUniverse.bundledTokens().forEach(t -> states.put(t, strategy == null ? t : strategy.newState()));
            long started = System.nanoTime();
            long count = 0;
            for (int pass = 0; pass < PASSES; pass++) {
                for (MarketTick tick : ticks) {
                    count += evaluate(strategy, tick, states.get(tick.instrumentToken()));
                }
            }
            double rate = ticks.size() * (double) PASSES / ((System.nanoTime() - started) / 1e9);
            if (run >= 0) {
                rates[run] = rate;
                signals += count;
            }
        }
        Arrays.sort(rates);
        double median = rates[RUNS / 2];
        System.out.printf("%-45s median %,.0f evaluations/s (min %,.0f, max %,.0f); signals/run %d%n", name, median,
                rates[0], rates[RUNS - 1], signals / RUNS);
        return median;
    }

    @SuppressWarnings("unchecked")
    private static <S> int evaluate(Strategy<S> strategy, MarketTick tick, Object state) {
        if (strategy == null) {
            return state == null ? 0 : tick.lastPrice().value().signum() - 1;
        }
        Optional<StrategySignal> signal = strategy.evaluate(tick, (S) state);
        return signal.isPresent() ? 1 : 0;
    }

    /** Interleaved ticks of every instrument, each a random walk of ±0.1 % steps on the 0.05 grid. */
    public static List<MarketTick> randomWalk(List<InstrumentToken> tokens, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        BigDecimal tick = new BigDecimal("0.05");
        Map<InstrumentToken, BigDecimal> price = new HashMap<>();
        tokens.forEach(t -> price.put(t, new BigDecimal("1000.00")));
        List<MarketTick> ticks = new ArrayList<>(tokens.size() * TICKS_PER_INSTRUMENT);
        Instant at = Instant.parse("2026-01-05T04:30:00Z");
        for (int i = 0; i < TICKS_PER_INSTRUMENT; i++) {
            for (InstrumentToken t : tokens) {
                BigDecimal step = BigDecimal.valueOf(random.nextInt(-20, 21)).multiply(tick);
                BigDecimal next = price.get(t).add(step).max(tick).setScale(2, RoundingMode.UNNECESSARY);
                price.put(t, next);
                ticks.add(MarketTick.ltp(t, Price.of(next), at.plusMillis(i * 100L)));
            }
        }
        return ticks;
    }
}
