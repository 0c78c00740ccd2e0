package com.alphapanda.monitoring;

import com.alphapanda.api.LiveEvents;
import com.alphapanda.core.jobs.ClusterJob;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Raises and clears consumer-lag alerts once across the cluster. Every instance collects lag and evaluates its
 * {@link LagAlerts}; after each collection the one instance running the lag-alert job (a PostgreSQL advisory lock)
 * makes {@code lag_alerts} follow them: an alert active here and not stored is stored and announced (logged, counted,
 * sent on the live stream) — one already stored, e.g. by the previous owner, is not announced again — and a stored
 * alert whose group and kind were seen healthy here is cleared. A failed collection changes nothing.
 */
final class LagAlertJob {

    private static final Logger log = LoggerFactory.getLogger(LagAlertJob.class);

    private record Key(String group, AlertKind kind) {
    }

    private final LagAlerts alerts;
    private final LagAlertStore store;
    private final LagMetrics metrics;
    private final LiveEvents live;
    private final ClusterJob job;

    LagAlertJob(LagAlerts alerts, LagAlertStore store, LagMetrics metrics, LiveEvents live, ClusterJob job) {
        this.alerts = alerts;
        this.store = store;
        this.metrics = metrics;
        this.live = live;
        this.job = job;
    }

    /** Brings the stored alerts in line with this instance's after a collection, when this instance runs the job. */
    void afterCollection(LagReport report) {
        if (!job.owned() || report.error().isPresent()) {
            return;
        }
        for (LagAlert alert : alerts.active()) {
            if (store.raise(alert)) {
                metrics.alertRaised(alert.kind());
                log.warn("Consumer lag alert raised: group={} kind={} {}", alert.group(), alert.kind().label(),
                        alert.raisedDetail());
                live.publish(LiveEvents.ALERT, alert);
            }
        }
        Set<Key> activeHere = alerts.active().stream().map(a -> new Key(a.group(), a.kind()))
                .collect(Collectors.toSet());
        for (LagAlert stored : store.active()) {
            Key key = new Key(stored.group(), stored.kind());
            if (!activeHere.contains(key) && alerts.healthy(stored.group(), stored.kind())) {
                store.clear(stored.group(), stored.kind(), report.collectedAt()).ifPresent(cleared ->
                        log.info("Consumer lag alert cleared: group={} kind={} (raised at {})", cleared.group(),
                                cleared.kind().label(), cleared.raisedAt()));
            }
        }
        store.prune(report.collectedAt().minus(LagAlertStore.KEEP_CLEARED));
    }
}
