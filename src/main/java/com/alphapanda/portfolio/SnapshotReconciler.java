package com.alphapanda.portfolio;

import com.alphapanda.api.LiveEvents;
import com.alphapanda.core.event.PnlSnapshot;
import com.alphapanda.core.id.StrategyId;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Consumes snapshots: verifies the checksum (a mismatch is stored as {@code checksum_invalid}, opened as a
 * discrepancy and alerted), stores the snapshot once per snapshot id, and validates it against the ledger recomputed
 * at the snapshot's ledger position ({@code reconciled} within the tolerance, else {@code discrepancy}: alerted and
 * counted). Storing and validating are one database transaction, so a failure retries the whole; a redelivered
 * snapshot is skipped.
 */
class SnapshotReconciler {

    private static final Logger log = LoggerFactory.getLogger(SnapshotReconciler.class);
    static final String CHECKSUM_INVALID = "checksum_invalid";

    private final SnapshotStore snapshots;
    private final DiscrepancyStore discrepancies;
    private final LedgerRecomputation ledger;
    private final TransactionTemplate transactions;
    private final LiveEvents live;
    private final MeterRegistry meters;
    private final BigDecimal tolerance;
    private final Map<String, BigDecimal> driftByPortfolio = new ConcurrentHashMap<>();

    SnapshotReconciler(SnapshotStore snapshots, DiscrepancyStore discrepancies, LedgerRecomputation ledger,
                       TransactionTemplate transactions, LiveEvents live, MeterRegistry meters, BigDecimal tolerance) {
        this.snapshots = snapshots;
        this.discrepancies = discrepancies;
        this.ledger = ledger;
        this.transactions = transactions;
        this.live = live;
        this.meters = meters;
        this.tolerance = tolerance;
    }

    /** Handles one snapshot from the topic. */
    void onSnapshot(PnlSnapshot s) {
        boolean valid = SnapshotChecksum.verify(s);
        Boolean stored = transactions.execute(tx -> valid ? storeAndValidate(s) : storeInvalid(s));
        if (!Boolean.TRUE.equals(stored)) {
            log.info("Snapshot {} of {} already stored: skipped", s.snapshotId(), s.portfolioId());
        }
    }

    /** Validates a snapshot without storing it (what an on-demand run reports). */
    SnapshotValidation.Result validate(PnlSnapshot s) {
        return SnapshotValidation.validate(s, ledger.at(s.broker(), strategyOf(s), s.ledgerPosition().fillCount()),
                tolerance);
    }

    private boolean storeInvalid(PnlSnapshot s) {
        if (!snapshots.insert(s, CHECKSUM_INVALID)) {
            return false;
        }
        discrepancies.open(s.snapshotId().value(), s.portfolioId(), s.broker().id(), CHECKSUM_INVALID, null);
        meters.counter("pnl_snapshot_checksum_invalid_total", "broker", s.broker().id()).increment();
        log.error("Snapshot {} of {} has an invalid checksum: stored as checksum_invalid", s.snapshotId(),
                s.portfolioId());
        alert(s, CHECKSUM_INVALID, null);
        return true;
    }

    private boolean storeAndValidate(PnlSnapshot s) {
        if (!snapshots.insert(s, "pending")) {
            return false;
        }
        SnapshotValidation.Result result = validate(s);
        snapshots.recordValidation(s.snapshotId().value(), result);
        gauge(s.portfolioId(), result.drift().maxAbs());
        if (result.discrepancy()) {
            discrepancies.open(s.snapshotId().value(), s.portfolioId(), s.broker().id(), "drift", result.drift());
            meters.counter("pnl_reconciliation_discrepancies_total", "broker", s.broker().id()).increment();
            log.warn("Snapshot {} of {} drifts from the ledger by {} INR: discrepancy", s.snapshotId(),
                    s.portfolioId(), result.drift().maxAbs().toPlainString());
            alert(s, "discrepancy", result.drift().maxAbs());
        } else {
            log.debug("Snapshot {} of {} reconciled (drift {})", s.snapshotId(), s.portfolioId(),
                    result.drift().maxAbs());
        }
        return true;
    }

    private void gauge(String portfolioId, BigDecimal drift) {
        if (driftByPortfolio.put(portfolioId, drift) == null) {
            Gauge.builder("pnl_drift_abs", driftByPortfolio, m -> m.getOrDefault(portfolioId, BigDecimal.ZERO)
                    .doubleValue()).tag("portfolio", portfolioId).register(meters);
        }
    }

    private void alert(PnlSnapshot s, String kind, BigDecimal drift) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("kind", "pnl_reconciliation");
        data.put("status", kind);
        data.put("portfolioId", s.portfolioId());
        data.put("broker", s.broker().id());
        data.put("snapshotId", s.snapshotId().asString());
        data.put("driftAbs", drift);
        live.publish(LiveEvents.ALERT, data);
    }

    static StrategyId strategyOf(PnlSnapshot s) {
        String prefix = s.broker().id() + ":";
        if (!s.portfolioId().startsWith(prefix)) {
            throw new IllegalArgumentException("portfolio id " + s.portfolioId() + " is not of broker " + s.broker());
        }
        return StrategyId.of(s.portfolioId().substring(prefix.length()));
    }

}
