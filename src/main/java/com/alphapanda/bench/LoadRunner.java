package com.alphapanda.bench;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Puts the pipeline under load: a warm-up, then one fixed-rate step or the find-max steps, each judged by the worst
 * consumer-group time lag seen while it ran. Every step's length is fixed and the number of steps is bounded by the
 * total duration, so the load always ends by itself.
 */
final class LoadRunner {

    /** Ticks per instrument before every built-in strategy can signal (mean_reversion: 2 × rsi period 14, 20). */
    static final int PRIMING_TICKS = 50;
    static final Duration MAX_PRIMING = Duration.ofMinutes(1);

    /** The longest wait for queues to empty after a step. */
    static final Duration MAX_SETTLE = Duration.ofSeconds(60);

    /** A step with the latencies measured in it. */
    record Measured(StepResult step, Map<String, LatencyStats> latencies, EventCounts counts) {
    }

    private final TickGenerator generator;
    private final PipelineObserver observer;
    private final PortfolioProgress portfolio;
    private final LagSampler lag;
    private final PrintWriter progress;
    private final List<StepResult> steps = new ArrayList<>();
    private volatile int currentTarget;

    LoadRunner(TickGenerator generator, PipelineObserver observer, PortfolioProgress portfolio, LagSampler lag,
               PrintWriter progress) {
        this.generator = generator;
        this.observer = observer;
        this.portfolio = portfolio;
        this.lag = lag;
        this.progress = progress;
    }

    List<StepResult> steps() {
        return List.copyOf(steps);
    }

    int currentTarget() {
        return currentTarget;
    }

    /**
     * Unmeasured load at {@code rate}: at least {@code warmup}, and long enough for every instrument to get the
     * {@link #PRIMING_TICKS} ticks the strategies need before they can signal (at most a minute).
     */
    void warmUp(int rate, Duration warmup, int instruments) throws InterruptedException {
        Duration priming = Duration.ofMillis(1_000L * PRIMING_TICKS * instruments / rate);
        Duration length = warmup.compareTo(priming) >= 0 ? warmup : priming.compareTo(MAX_PRIMING) > 0 ? MAX_PRIMING
                : priming;
        progress.printf(Locale.ROOT, "warm-up: %,d ticks/s for %s%n", rate, DurationArgument.format(length));
        currentTarget = rate;
        generator.run(rate, length.toNanos(), () -> false);
        currentTarget = 0;
        settle();
    }

    /** One step at a fixed rate. */
    Measured fixed(int rate, Duration duration) throws InterruptedException {
        return step(rate, duration);
    }

    /**
     * Steps up the rate while the steps' time under load fits in {@code budget} (the settling after each step is not
     * counted; it is bounded by {@link #MAX_SETTLE}); returns the best sustained step, else the last one.
     */
    Measured findMax(int startRate, Duration step, Duration budget) throws InterruptedException {
        RateSearch search = new RateSearch();
        long left = budget.toNanos();
        Measured best = null;
        Measured last = null;
        OptionalInt rate = OptionalInt.of(startRate);
        while (rate.isPresent() && left >= step.toNanos()) {
            last = step(rate.getAsInt(), step);
            left -= step.toNanos();
            if (last.step().sustained() && (best == null || last.step().achievedRate() > best.step().achievedRate())) {
                best = last;
            }
            rate = search.next(rate.getAsInt(), last.step().sustained());
        }
        return best != null ? best : last;
    }

    private Measured step(int rate, Duration duration) throws InterruptedException {
        observer.restart();
        lag.reset();
        currentTarget = rate;
        progress.printf(Locale.ROOT, "step %d: %,d ticks/s for %s%n", steps.size() + 1, rate,
                DurationArgument.format(duration));
        long failedBefore = generator.failed();
        long started = System.nanoTime();
        long ticks = generator.run(rate, duration.toNanos(), () -> false);
        double seconds = (System.nanoTime() - started) / 1e9;
        currentTarget = 0;
        StepResult result = StepResult.decide(rate, ticks, seconds, lag.window());
        steps.add(result);
        settle();
        LatencyStats fillToPortfolio = portfolio.stats();
        Correlator done = observer.restart();
        Thread.sleep(100); // let the observer finish the record it was handling
        Map<String, LatencyStats> latencies = new LinkedHashMap<>();
        latencies.put(BenchReport.TICK_TO_SIGNAL, LatencyStats.of(done.tickToSignal));
        latencies.put(BenchReport.SIGNAL_TO_VALIDATED, LatencyStats.of(done.signalToValidated));
        latencies.put(BenchReport.VALIDATED_TO_FILL, LatencyStats.of(done.validatedToFill));
        latencies.put(BenchReport.FILL_TO_PORTFOLIO, fillToPortfolio);
        latencies.put(BenchReport.TICK_TO_FILL, LatencyStats.of(done.tickToFill));
        return new Measured(result, latencies, done.counts(ticks, generator.failed() - failedBefore));
    }

    /** Waits (bounded) until no group lags by a second or more and every fill seen was applied. */
    private void settle() throws InterruptedException {
        long deadline = System.nanoTime() + MAX_SETTLE.toNanos();
        Thread.sleep(1_000);
        while (System.nanoTime() < deadline
                && (lag.window().current().toMillis() >= StepResult.LAG_LIMIT_MS || portfolio.waiting() > 0)) {
            Thread.sleep(250);
        }
    }
}
