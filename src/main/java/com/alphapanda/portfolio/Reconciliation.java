package com.alphapanda.portfolio;

import com.alphapanda.core.event.Broker;
import com.alphapanda.core.event.PnlSnapshot.SnapshotType;
import com.alphapanda.core.id.StrategyId;
import com.alphapanda.core.json.EventJson;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The reconciliation service behind the API and {@code alpha-panda reconcile}: on-demand reconciliation snapshots of
 * a broker's portfolios, snapshot history, discrepancies, and their resolution by rebuilding the read model from the
 * ledger (audited in {@code reconciliation_actions}).
 */
public class Reconciliation {

    /** The result of reconciling one portfolio now. */
    public record PortfolioResult(String portfolioId, UUID snapshotId, String status, BigDecimal driftAbs,
                                  Object drift) {
    }

    /** A page of snapshots, oldest first. */
    public record SnapshotPage(List<StoredSnapshot> items, long total, int page, int size) {
    }

    /** What resolving a discrepancy did; {@code statusAfter} is the read model's reconciliation after the repair. */
    public record Resolution(UUID discrepancyId, UUID actionId, String action, String portfolioId, String statusAfter,
                             BigDecimal driftAbsAfter) {
    }

    private final PortfolioReadModel readModel;
    private final SnapshotTaker taker;
    private final SnapshotReconciler reconciler;
    private final SnapshotStore snapshots;
    private final DiscrepancyStore discrepancies;
    private final PortfolioManager manager;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Reconciliation(PortfolioReadModel readModel, SnapshotTaker taker, SnapshotReconciler reconciler,
                   SnapshotStore snapshots, DiscrepancyStore discrepancies, PortfolioManager manager,
                   TransactionTemplate transactions, Clock clock) {
        this.readModel = readModel;
        this.taker = taker;
        this.reconciler = reconciler;
        this.snapshots = snapshots;
        this.discrepancies = discrepancies;
        this.manager = manager;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Takes and publishes a reconciliation snapshot of every portfolio of the broker and reports each result. */
    public List<PortfolioResult> run(Broker broker) {
        Instant now = clock.instant();
        List<PortfolioResult> results = new ArrayList<>();
        for (PortfolioKey key : readModel.portfolios()) {
            if (key.broker() == broker) {
                taker.takeAndWait(key, SnapshotType.RECONCILIATION, now).ifPresent(s -> {
                    SnapshotValidation.Result r = reconciler.validate(s);
                    results.add(new PortfolioResult(s.portfolioId(), s.snapshotId().value(), r.status(),
                            r.drift().maxAbs(), r.drift()));
                });
            }
        }
        return results;
    }

    /** Snapshot history of a portfolio in [from, to), optionally of one type, oldest first. */
    public SnapshotPage history(Broker broker, StrategyId strategyId, Instant from, Instant to, SnapshotType type,
                                int page, int size) {
        String portfolio = new PortfolioKey(broker, strategyId).portfolioId();
        String wireType = type == null ? null : type.wireName();
        return new SnapshotPage(snapshots.history(portfolio, from, to, wireType, page * size, size),
                snapshots.count(portfolio, from, to, wireType), page, size);
    }

    /** One stored snapshot. */
    public Optional<StoredSnapshot> snapshot(UUID id) {
        return snapshots.find(id);
    }

    /** Discrepancies of a status ({@code open}, {@code resolved}) or all, oldest first. */
    public List<Discrepancy> discrepancies(String status, int page, int size) {
        return discrepancies.list(status, page * size, size);
    }

    /** How many discrepancies of a status (or all) there are. */
    public long countDiscrepancies(String status) {
        return discrepancies.count(status);
    }

    /**
     * Resolves an open discrepancy: rebuilds the portfolio's read model from the ledger and records the action.
     * Empty when there is no such discrepancy; {@link IllegalStateException} when it is already resolved.
     */
    public Optional<Resolution> resolve(UUID id, String note, String actor) {
        return transactions.execute(tx -> discrepancies.find(id).map(d -> {
            if (!"open".equals(d.status())) {
                throw new IllegalStateException("discrepancy " + id + " is already " + d.status());
            }
            PortfolioKey key = keyOf(d.portfolioId());
            manager.repair(key);
            SnapshotValidation.Result after = readModel.portfolioJson(key.broker(), key.strategyId())
                    .map(json -> EventJson.mapper().readValue(json, PortfolioView.class))
                    .map(view -> reconciler.validate(SnapshotTaker.of(key, view, SnapshotType.RECONCILIATION,
                            clock.instant())))
                    .orElseThrow(() -> new IllegalStateException("portfolio " + d.portfolioId() + " has no ledger"));
            UUID action = discrepancies.resolve(d, actor, note, Map.of("status_after", after.status(),
                    "drift_after", after.drift(), "snapshot_id", d.snapshotId().toString()));
            return new Resolution(d.id(), action, DiscrepancyStore.REBUILD, d.portfolioId(), after.status(),
                    after.drift().maxAbs());
        }));
    }

    private static PortfolioKey keyOf(String portfolioId) {
        int colon = portfolioId.indexOf(':');
        if (colon < 0) {
            throw new IllegalStateException("malformed portfolio id " + portfolioId);
        }
        return new PortfolioKey(Broker.fromId(portfolioId.substring(0, colon)),
                StrategyId.of(portfolioId.substring(colon + 1)));
    }

}
