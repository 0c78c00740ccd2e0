package com.alphapanda.core.event;

import com.alphapanda.core.id.EventId;
import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.core.money.Money;
import com.alphapanda.core.money.Price;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A point-in-time statement of one portfolio ({@code {broker}:{strategyId}}), at a known position of the fills
 * ledger, sealed with a SHA-256 checksum over the canonical serialization of all other fields (see
 * {@code docs/reconciliation.md}).
 */
public record PnlSnapshot(
        EventId snapshotId,
        String portfolioId,
        Broker broker,
        Instant snapshotTime,
        SnapshotType snapshotType,
        Money totalRealized,
        Money totalUnrealized,
        Money totalPnl,
        Money fees,
        Money cashBalance,
        List<PositionSnapshot> positions,
        LedgerPosition ledgerPosition,
        String checksum) implements PnlEvent {

    public PnlSnapshot {
        Objects.requireNonNull(snapshotId, "snapshot_id");
        Objects.requireNonNull(portfolioId, "portfolio_id");
        Objects.requireNonNull(broker, "broker");
        Objects.requireNonNull(snapshotTime, "snapshot_time");
        Objects.requireNonNull(snapshotType, "snapshot_type");
        Objects.requireNonNull(totalRealized, "total_realized");
        Objects.requireNonNull(totalUnrealized, "total_unrealized");
        Objects.requireNonNull(totalPnl, "total_pnl");
        Objects.requireNonNull(fees, "fees");
        Objects.requireNonNull(cashBalance, "cash_balance");
        positions = positions == null ? List.of() : List.copyOf(positions);
        Objects.requireNonNull(ledgerPosition, "ledger_position");
    }

    @Override
    public String partitionKey() {
        return portfolioId;
    }

    @Override
    public Instant eventTime() {
        return snapshotTime;
    }

    /** Why a snapshot was taken. */
    public enum SnapshotType {
        PERIODIC, END_OF_DAY, RECONCILIATION;

        @com.fasterxml.jackson.annotation.JsonValue
        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** One instrument's position; quantity is signed (negative when short). */
    public record PositionSnapshot(InstrumentToken instrumentToken, long quantity, Price averagePrice,
                                   Price lastPrice, Money realized, Money unrealized) {
        public PositionSnapshot {
            Objects.requireNonNull(instrumentToken, "instrument_token");
            Objects.requireNonNull(realized, "realized");
            Objects.requireNonNull(unrealized, "unrealized");
        }
    }

    /** The last fill the snapshot includes and how many fills it includes. */
    public record LedgerPosition(String lastFillId, long fillCount) {
        public LedgerPosition {
            if (fillCount < 0) {
                throw new IllegalArgumentException("fill_count must not be negative");
            }
        }
    }
}
