package com.alphapanda.portfolio;

import com.alphapanda.core.event.Envelope;
import com.alphapanda.core.event.PnlSnapshot;
import com.alphapanda.core.event.PnlSnapshot.SnapshotType;
import com.alphapanda.core.event.EventType;
import com.alphapanda.core.id.EventId;
import com.alphapanda.core.json.EventJson;
import com.alphapanda.core.money.Money;
import com.alphapanda.core.money.Price;
import com.alphapanda.core.streaming.CorrelationContext;
import com.alphapanda.core.streaming.EventPublisher;
import com.alphapanda.core.topic.Topics;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Takes a snapshot of a portfolio as it is served — from its Redis read model, so a corrupted read model shows up as
 * drift when the snapshot is reconciled with the ledger — seals it with its checksum and publishes it on
 * {@code {broker}.pnl.snapshots}, keyed by portfolio id.
 */
class SnapshotTaker {

    static final String SOURCE = "portfolio-manager";

    private final PortfolioReadModel readModel;
    private final EventPublisher publisher;

    SnapshotTaker(PortfolioReadModel readModel, EventPublisher publisher) {
        this.readModel = readModel;
        this.publisher = publisher;
    }

    /** Takes and publishes a snapshot; empty when the portfolio has no read model. */
    Optional<PnlSnapshot> take(PortfolioKey key, SnapshotType type, Instant at) {
        Optional<PnlSnapshot> snapshot = readModel.portfolioJson(key.broker(), key.strategyId())
                .map(json -> EventJson.mapper().readValue(json, PortfolioView.class))
                .map(view -> of(key, view, type, at));
        snapshot.ifPresent(s -> publish(key, s));
        return snapshot;
    }

    /** Takes a snapshot and waits until Kafka has it (for on-demand snapshots outside a listener). */
    Optional<PnlSnapshot> takeAndWait(PortfolioKey key, SnapshotType type, Instant at) {
        Optional<PnlSnapshot> snapshot = readModel.portfolioJson(key.broker(), key.strategyId())
                .map(json -> EventJson.mapper().readValue(json, PortfolioView.class))
                .map(view -> of(key, view, type, at));
        snapshot.ifPresent(s -> publish(key, s).join());
        return snapshot;
    }

    static PnlSnapshot of(PortfolioKey key, PortfolioView view, SnapshotType type, Instant at) {
        Instant time = at.truncatedTo(ChronoUnit.MICROS);
        PnlSnapshot unsealed = new PnlSnapshot(SnapshotIds.of(key.portfolioId(), type, time), key.portfolioId(),
                key.broker(), time, type, money(view.realizedPnl()), money(view.unrealizedPnl()),
                money(view.netPnl()), money(view.fees()), money(view.cash()),
                view.positions().stream().map(SnapshotTaker::position).toList(),
                new PnlSnapshot.LedgerPosition(view.lastFillId(), view.fillCount()), null);
        return SnapshotChecksum.seal(unsealed);
    }

    private java.util.concurrent.CompletableFuture<?> publish(PortfolioKey key, PnlSnapshot snapshot) {
        return publisher.publish(Topics.pnlSnapshots(key.broker()), envelope(key, snapshot));
    }

    /** The snapshot's event: its id is the snapshot's deterministic id, so a duplicate event is recognisable. */
    static Envelope<PnlSnapshot> envelope(PortfolioKey key, PnlSnapshot snapshot) {
        String correlation = CorrelationContext.currentCorrelationId();
        EventId id = snapshot.snapshotId();
        return new Envelope<>(id, EventType.of(snapshot), correlation == null ? id.asString() : correlation, null,
                snapshot.eventTime(), SOURCE, Topics.pnlSnapshots(key.broker()).namespace(), snapshot.partitionKey(),
                Envelope.CURRENT_VERSION, snapshot);
    }

    private static PnlSnapshot.PositionSnapshot position(PortfolioView.PositionView p) {
        return new PnlSnapshot.PositionSnapshot(p.instrumentToken(), p.quantity(), price(p.averagePrice()),
                price(p.lastPrice()), money(p.realizedPnl()), money(p.unrealizedPnl()));
    }

    private static Price price(BigDecimal value) {
        return value == null || value.signum() <= 0 ? null : Price.of(value);
    }

    private static Money money(BigDecimal value) {
        return Money.of(value == null ? BigDecimal.ZERO : value);
    }
}
