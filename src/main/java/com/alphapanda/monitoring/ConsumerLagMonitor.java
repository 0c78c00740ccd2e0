package com.alphapanda.monitoring;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects the lag of every monitored consumer group from the broker on a schedule and keeps the last report; readers
 * get that cached report, never a broker round-trip. Each collection also feeds the alerts and the metrics.
 */
public class ConsumerLagMonitor {

    private static final Logger log = LoggerFactory.getLogger(ConsumerLagMonitor.class);

    private final BrokerOffsetsReader reader;
    private final RecordTimestamps timestamps;
    private final LagAssembler assembler;
    private final LagAlerts alerts;
    private final LagMetrics metrics;
    private final Clock clock;
    private final AtomicReference<LagReport> last = new AtomicReference<>();

    ConsumerLagMonitor(BrokerOffsetsReader reader, RecordTimestamps timestamps, LagAssembler assembler,
                       LagAlerts alerts, LagMetrics metrics, Clock clock) {
        this.reader = reader;
        this.timestamps = timestamps;
        this.assembler = assembler;
        this.alerts = alerts;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** The last collection; empty until the first one finished. */
    public Optional<LagReport> lastReport() {
        return Optional.ofNullable(last.get());
    }

    /** Collects now (the scheduler calls this every interval) and returns the new report. */
    public synchronized LagReport collect() {
        long started = System.nanoTime();
        LagReport report;
        try {
            BrokerOffsets offsets = reader.read();
            Instant at = clock.instant();
            Set<RecordPosition> lagging = assembler.lagging(offsets);
            Map<RecordPosition, RecordTimestamps.Lookup> lookups = timestamps.find(lagging, offsets.endOffsets());
            report = assembler.assemble(offsets, lookups, at, Duration.ofNanos(System.nanoTime() - started));
        } catch (LagCollectionException e) {
            log.warn("Consumer lag collection failed: {}", e.getMessage());
            report = failed(e.getMessage(), Duration.ofNanos(System.nanoTime() - started));
        } catch (org.apache.kafka.common.KafkaException e) {
            log.warn("Consumer lag collection failed", e);
            report = failed(BrokerOffsetsReader.describe(e), Duration.ofNanos(System.nanoTime() - started));
        }
        last.set(report);
        metrics.publish(report);
        alerts.evaluate(report); // stored and announced once across the cluster by the lag-alert job
        return report;
    }

    /** The groups of the previous report, each marked as unreadable for this reason. */
    private LagReport failed(String reason, Duration took) {
        List<GroupLag> groups = lastReport().map(LagReport::groups).orElse(List.of()).stream()
                .map(g -> GroupLag.failed(g.group(), reason)).toList();
        return new LagReport(clock.instant(), took, Optional.of(reason), groups);
    }
}
