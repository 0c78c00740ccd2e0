package com.alphapanda.monitoring;

import com.alphapanda.core.event.Broker;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Evaluates every enabled broker's pipeline each interval from the activity of every instance (this one's
 * {@link PipelineActivity} and what the others published, {@link ClusterPipelineActivity}): per stage, events summed
 * over instances, the rate as the sum of each instance's rate, the latest activity and event time of any instance,
 * and health. Exports {@code pipeline_stage_status{stage,broker}} ({@link StageHealth#code()}) and
 * {@code tick_age_seconds{broker}}: now minus the event time of the last tick a strategy runner processed, while the
 * market is open (NaN when it is closed or no tick was seen yet).
 */
public class PipelineMonitor {

    private record Count(Instant at, long events) {
    }

    private final PipelineActivity activity;
    private final Supplier<List<InstanceActivity>> instances;
    private final List<Broker> brokers;
    private final MarketHours market;
    private final Duration staleAfter;
    private final Clock clock;
    private final Map<String, Count> previous = new HashMap<>();
    private final AtomicReference<PipelineReport> last = new AtomicReference<>();

    PipelineMonitor(PipelineActivity activity, Supplier<List<InstanceActivity>> instances, List<Broker> brokers,
                    MarketHours market, Duration staleAfter, Clock clock, MeterRegistry registry) {
        this.activity = activity;
        this.instances = instances;
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
        List<InstanceActivity> all = instances.get();
        List<PipelineReport.BrokerPipeline> reports = new ArrayList<>();
        for (Broker broker : brokers) {
            List<StageReport> stages = new ArrayList<>();
            for (PipelineStage stage : PipelineStage.values()) {
                stages.add(stage(broker, stage, now, open, all));
            }
            reports.add(new PipelineReport.BrokerPipeline(broker,
                    StageHealthRule.overall(stages.stream().map(StageReport::health).toList()), stages));
        }
        Set<String> seen = new HashSet<>();
        all.forEach(a -> seen.add(a.instanceId()));
        previous.keySet().removeIf(key -> !seen.contains(key.substring(0, key.indexOf('|'))));
        PipelineReport report = new PipelineReport(now, open, all.stream().map(InstanceActivity::instanceId).sorted()
                .toList(), reports);
        last.set(report);
        return report;
    }

    private StageReport stage(Broker broker, PipelineStage stage, Instant now, boolean open,
                              List<InstanceActivity> all) {
        String key = InstanceActivity.key(stage, broker);
        long events = 0;
        double rate = 0;
        long lastActivity = 0;
        long lastEvent = 0;
        for (InstanceActivity instance : all) {
            InstanceActivity.Counts counts = instance.slots().get(key);
            if (counts == null) {
                continue;
            }
            events += counts.events();
            lastActivity = Math.max(lastActivity, counts.lastActivityMillis());
            lastEvent = Math.max(lastEvent, counts.lastEventMillis());
            Count before = previous.put(instance.instanceId() + '|' + key,
                    new Count(instance.publishedAt(), counts.events()));
            if (before != null && instance.publishedAt().isAfter(before.at()) && counts.events() >= before.events()) {
                rate += (counts.events() - before.events()) * 1000.0
                        / Duration.between(before.at(), instance.publishedAt()).toMillis();
            }
        }
        Optional<Instant> activity = instant(lastActivity);
        return new StageReport(stage, events, rate, activity, instant(lastEvent),
                StageHealthRule.evaluate(stage, activity, now, open, staleAfter));
    }

    private static Optional<Instant> instant(long epochMillis) {
        return epochMillis == 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(epochMillis));
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
        Optional<Instant> here = activity.slot(PipelineStage.STRATEGY_RUNNER, broker).lastEventTime();
        Optional<Instant> anywhere = Optional.ofNullable(last.get()).stream().flatMap(r -> r.brokers().stream())
                .filter(b -> b.broker() == broker).flatMap(b -> b.stages().stream())
                .filter(s -> s.stage() == PipelineStage.STRATEGY_RUNNER).findFirst()
                .flatMap(StageReport::lastEventTime);
        return Stream.of(here, anywhere).flatMap(Optional::stream).max(Instant::compareTo)
                .map(t -> Duration.between(t, now).toMillis() / 1000.0).orElse(Double.NaN);
    }
}
