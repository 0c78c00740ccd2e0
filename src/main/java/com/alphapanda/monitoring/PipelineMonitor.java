package com.alphapanda.monitoring;

import com.alphapanda.core.event.Broker;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Evaluates every enabled broker's pipeline from {@link PipelineActivity} each interval: events, rate, last activity
 * and health per stage. Exports {@code pipeline_stage_status{stage,broker}} ({@link StageHealth#code()}) and
 * {@code tick_age_seconds{broker}}: now minus the event time of the last tick the strategy runner processed, while the
 * market is open (NaN when it is closed or no tick was seen yet).
 */
public class PipelineMonitor {

    private record Count(Instant at, long events) {
    }

    private final PipelineActivity activity;
    private final List<Broker> brokers;
    private final MarketHours market;
    private final Duration staleAfter;
    private final Clock clock;
    private final Map<String, Count> previous = new HashMap<>();
    private final AtomicReference<PipelineReport> last = new AtomicReference<>();

    PipelineMonitor(PipelineActivity activity, List<Broker> brokers, MarketHours market, Duration staleAfter,
                    Clock clock, MeterRegistry registry) {
        this.activity = activity;
        this.brokers = List.copyOf(brokers);
        this.market = market;
        this.staleAfter = staleAfter;
        this.clock = clock;
        for (Broker broker : this.brokers) {
            Gauge.builder("tick.age", broker, this::tickAgeSeconds).baseUnit("seconds").tag("broker", broker.id())
                    .description("Now minus the event time of the last tick at the strategy runner, market open only")
                    .register(registry);
            for (PipelineStage stage : PipelineStage.values()) {
                Gauge.builder("pipeline.stage.status", () -> status(broker, stage))
                        .tag("stage", stage.label()).tag("broker", stage.shared() ? PipelineActivity.SHARED : broker.id())
                        .description("0 healthy, 1 degraded, 2 idle").register(registry);
            }
        }
        evaluate();
    }

    /** The last evaluation. */
    public PipelineReport report() {
        return last.get();
    }

    /** Re-evaluates now (the scheduler calls this every interval). */
    public synchronized PipelineReport evaluate() {
        Instant now = clock.instant();
        boolean open = market.isOpen(now);
        List<PipelineReport.BrokerPipeline> reports = new ArrayList<>();
        for (Broker broker : brokers) {
            List<StageReport> stages = new ArrayList<>();
            for (PipelineStage stage : PipelineStage.values()) {
                stages.add(stage(broker, stage, now, open));
            }
            reports.add(new PipelineReport.BrokerPipeline(broker,
                    StageHealthRule.overall(stages.stream().map(StageReport::health).toList()), stages));
        }
        PipelineReport report = new PipelineReport(now, open, reports);
        last.set(report);
        return report;
    }

    private StageReport stage(Broker broker, PipelineStage stage, Instant now, boolean open) {
        PipelineActivity.Slot slot = activity.slot(stage, broker);
        long events = slot.count();
        String key = stage.label() + '/' + broker.id();
        Count before = previous.put(key, new Count(now, events));
        double rate = 0;
        if (before != null && now.isAfter(before.at())) {
            rate = (events - before.events()) * 1000.0 / Duration.between(before.at(), now).toMillis();
        }
        return new StageReport(stage, events, rate, slot.lastActivity(), slot.lastEventTime(),
                StageHealthRule.evaluate(stage, slot.lastActivity(), now, open, staleAfter));
    }

    private double status(Broker broker, PipelineStage stage) {
        return last.get().brokers().stream().filter(b -> b.broker() == broker)
                .flatMap(b -> b.stages().stream()).filter(s -> s.stage() == stage)
                .findFirst().map(s -> (double) s.health().code()).orElse(Double.NaN);
    }

    private double tickAgeSeconds(Broker broker) {
        Instant now = clock.instant();
        if (!market.isOpen(now)) {
            return Double.NaN;
        }
        return activity.slot(PipelineStage.STRATEGY_RUNNER, broker).lastEventTime()
                .map(t -> Duration.between(t, now).toMillis() / 1000.0).orElse(Double.NaN);
    }
}
