package com.alphapanda.monitoring;

import com.alphapanda.core.event.Broker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where services report the events they process, one call per event: O(1), no allocation, no I/O (safe on the tick
 * path). It owns the metrics {@code pipeline_events_total{stage,broker}} and
 * {@code pipeline_last_event_timestamp_seconds{stage,broker}} (event time of the last event, epoch seconds; NaN
 * before the first), registered at start for every stage and broker so dashboards see them from the beginning.
 * The market feed's {@code broker} label is {@code shared}. Pipeline health, stage rates and
 * {@code tick_age_seconds} are derived from what is recorded here, on every instance ({@link ClusterPipelineActivity}).
 */
public final class PipelineActivity {

    /** What a stage has done so far. Times in epoch milliseconds; 0 = never. */
    static final class Slot {
        private final Counter events;
        private final AtomicLong lastEventTime = new AtomicLong();
        private final AtomicLong lastActivity = new AtomicLong();

        Slot(Counter events) {
            this.events = events;
        }

        long count() {
            return (long) events.count();
        }

        Optional<Instant> lastEventTime() {
            long t = lastEventTime.get();
            return t == 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(t));
        }

        private double lastEventSeconds() {
            long t = lastEventTime.get();
            return t == 0 ? Double.NaN : t / 1000.0;
        }
    }

    static final String SHARED = "shared";

    private final Clock clock;
    /** By stage ordinal, then broker ordinal; the shared market feed at index 0. */
    private final Slot[][] slots = new Slot[PipelineStage.values().length][Broker.values().length];

    PipelineActivity(MeterRegistry registry, Clock clock) {
        this.clock = clock;
        for (PipelineStage stage : PipelineStage.values()) {
            if (stage.shared()) {
                slots[stage.ordinal()][0] = register(registry, stage, SHARED);
            } else {
                for (Broker broker : Broker.values()) {
                    slots[stage.ordinal()][broker.ordinal()] = register(registry, stage, broker.id());
                }
            }
        }
    }

    /** A per-broker stage processed an event whose event time is {@code eventTime}. */
    public void record(PipelineStage stage, Broker broker, Instant eventTime) {
        Objects.requireNonNull(broker, "broker");
        if (stage.shared()) {
            throw new IllegalArgumentException(stage.label() + " is shared by all brokers: use recordMarketFeed");
        }
        touch(slots[stage.ordinal()][broker.ordinal()], eventTime);
    }

    /** The market feed published a tick whose exchange (event) time is {@code eventTime}. */
    public void recordMarketFeed(Instant eventTime) {
        touch(slots[PipelineStage.MARKET_FEED.ordinal()][0], eventTime);
    }

    /** What this instance's stages have done so far, as of now. */
    InstanceActivity snapshot(String instanceId) {
        Map<String, InstanceActivity.Counts> counts = new LinkedHashMap<>();
        for (PipelineStage stage : PipelineStage.values()) {
            for (Broker broker : stage.shared() ? List.of(Broker.values()[0]) : List.of(Broker.values())) {
                Slot slot = slot(stage, broker);
                counts.put(InstanceActivity.key(stage, broker), new InstanceActivity.Counts(slot.count(),
                        slot.lastEventTime.get(), slot.lastActivity.get()));
            }
        }
        return new InstanceActivity(instanceId, clock.instant(), counts);
    }

    /** The slot of a stage; {@code broker} is ignored for the shared market feed. */
    Slot slot(PipelineStage stage, Broker broker) {
        return slots[stage.ordinal()][stage.shared() ? 0 : broker.ordinal()];
    }

    private void touch(Slot slot, Instant eventTime) {
        slot.events.increment();
        slot.lastEventTime.accumulateAndGet(eventTime.toEpochMilli(), Math::max);
        slot.lastActivity.set(clock.millis());
    }

    private static Slot register(MeterRegistry registry, PipelineStage stage, String scope) {
        Counter events = Counter.builder("pipeline.events").tag("stage", stage.label()).tag("broker", scope)
                .description("Events processed by a pipeline stage").register(registry);
        Slot slot = new Slot(events);
        Gauge.builder("pipeline.last.event.timestamp", slot, Slot::lastEventSeconds).baseUnit("seconds")
                .tag("stage", stage.label()).tag("broker", scope)
                .description("Event time of the last event a stage processed (epoch seconds)").register(registry);
        return slot;
    }
}
