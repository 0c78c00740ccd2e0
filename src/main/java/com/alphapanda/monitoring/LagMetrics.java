package com.alphapanda.monitoring;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Publishes a lag report as {@code consumer_lag_messages}, {@code consumer_lag_seconds} (per group, topic,
 * partition), {@code consumer_group_status} (per group, {@link LagStatus#code()}), the collection timer
 * {@code consumer_lag_collection_seconds}, {@code consumer_lag_collection_failures_total} and the alert meters.
 * Series of groups and partitions that disappeared are removed; unknown values are NaN, never 0.
 */
final class LagMetrics {

    private final MultiGauge messages;
    private final MultiGauge seconds;
    private final MultiGauge status;
    private final Timer collection;
    private final Counter failures;
    private final Map<AlertKind, Counter> alerts = new EnumMap<>(AlertKind.class);

    LagMetrics(MeterRegistry registry, LagAlerts lagAlerts) {
        messages = MultiGauge.builder("consumer.lag.messages")
                .description("Unconsumed records of a consumer group on a partition").register(registry);
        seconds = MultiGauge.builder("consumer.lag.seconds")
                .description("Age of the oldest unconsumed record of a consumer group on a partition")
                .register(registry);
        status = MultiGauge.builder("consumer.group.status")
                .description("0 OK, 1 WARN, 2 STALL, 3 STOP, 4 REWIND, 5 ERROR").register(registry);
        collection = Timer.builder("consumer.lag.collection")
                .description("Time to read the lag of every monitored group from the broker").register(registry);
        failures = Counter.builder("consumer.lag.collection.failures")
                .description("Collections that could not reach the broker").register(registry);
        for (AlertKind kind : AlertKind.values()) {
            alerts.put(kind, Counter.builder("consumer.lag.alerts").tag("kind", kind.label())
                    .description("Consumer-lag alerts raised").register(registry));
        }
        Gauge.builder("consumer.lag.alerts.active", lagAlerts, a -> a.active().size())
                .description("Consumer-lag alerts currently raised").register(registry);
    }

    void publish(LagReport report) {
        collection.record(report.collectionTime());
        if (report.error().isPresent()) {
            failures.increment();
        }
        List<MultiGauge.Row<?>> messageRows = new ArrayList<>();
        List<MultiGauge.Row<?>> secondRows = new ArrayList<>();
        List<MultiGauge.Row<?>> statusRows = new ArrayList<>();
        for (GroupLag group : report.groups()) {
            statusRows.add(MultiGauge.Row.of(Tags.of("group", group.group()), group.status().code()));
            for (PartitionLag p : group.partitions()) {
                Tags tags = Tags.of("group", group.group(), "topic", p.topic(),
                        "partition", Integer.toString(p.partition()));
                messageRows.add(MultiGauge.Row.of(tags, p.messageLag()));
                secondRows.add(MultiGauge.Row.of(tags, p.timeLag().map(LagMetrics::seconds).orElse(Double.NaN)));
            }
        }
        messages.register(messageRows, true);
        seconds.register(secondRows, true);
        status.register(statusRows, true);
    }

    void alertRaised(AlertKind kind) {
        alerts.get(kind).increment();
    }

    private static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }
}
