package com.alphapanda.strategy;

import com.alphapanda.core.event.Broker;
import com.alphapanda.core.event.SignalType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * The runner's meters: {@code strategy_ticks_evaluated_total}, {@code strategy_ticks_skipped_total{reason}},
 * {@code strategy_signals_total{strategy,broker,side}}, {@code strategy_signals_invalid_total{strategy}},
 * {@code strategy_errors_total{strategy}} and the {@code strategy_evaluation_latency_seconds} histogram.
 */
final class StrategyRunnerMetrics {

    private final MeterRegistry registry;
    private final Counter evaluated;
    private final Counter outsideSession;
    private final Counter unrouted;
    private final Timer latency;

    StrategyRunnerMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.evaluated = Counter.builder("strategy.ticks.evaluated")
                .description("Ticks evaluated by at least one strategy").register(registry);
        this.outsideSession = skipped("outside_session");
        this.unrouted = skipped("no_strategy");
        this.latency = Timer.builder("strategy.evaluation.latency")
                .description("Time to evaluate every strategy interested in one tick")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofNanos(500))
                .maximumExpectedValue(Duration.ofMillis(50))
                .register(registry);
    }

    private Counter skipped(String reason) {
        return Counter.builder("strategy.ticks.skipped").tag("reason", reason)
                .description("Ticks not evaluated, by reason").register(registry);
    }

    void evaluated(long nanos) {
        evaluated.increment();
        latency.record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    void outsideSession() {
        outsideSession.increment();
    }

    void unrouted() {
        unrouted.increment();
    }

    void signal(String strategy, Broker broker, SignalType side) {
        Counter.builder("strategy.signals").tag("strategy", strategy).tag("broker", broker.id())
                .tag("side", side.name()).description("Signals published").register(registry).increment();
    }

    void invalid(String strategy) {
        Counter.builder("strategy.signals.invalid").tag("strategy", strategy)
                .description("Signals dropped by the strategy's validator").register(registry).increment();
    }

    void error(String strategy) {
        Counter.builder("strategy.errors").tag("strategy", strategy)
                .description("Strategy evaluations that failed with an exception").register(registry).increment();
    }
}
