package com.alphapanda.portfolio;

import com.alphapanda.core.event.Broker;
import com.alphapanda.core.event.PnlSnapshot;
import com.alphapanda.core.id.EventId;
import com.alphapanda.core.money.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A row of {@code pnl_snapshots}: the snapshot's fields as stored, its validation status ({@code pending},
 * {@code reconciled}, {@code discrepancy}, {@code checksum_invalid}) and, once validated, its largest absolute drift.
 */
public record StoredSnapshot(UUID id, String portfolioId, Broker broker, Instant snapshotTime, String snapshotType,
                             BigDecimal totalRealized, BigDecimal totalUnrealized, BigDecimal totalPnl,
                             BigDecimal fees, BigDecimal cashBalance, List<PnlSnapshot.PositionSnapshot> positions,
                             long ledgerFillCount, String ledgerLastFillId, String checksum, String validationStatus,
                             BigDecimal driftAbs, Instant createdAt) {

    /** The event as rebuilt from the stored fields (its checksum can be recomputed with {@link SnapshotChecksum}). */
    public PnlSnapshot toEvent() {
        return new PnlSnapshot(new EventId(id), portfolioId, broker, snapshotTime,
                PnlSnapshot.SnapshotType.valueOf(snapshotType.toUpperCase(java.util.Locale.ROOT)),
                Money.of(totalRealized), Money.of(totalUnrealized), Money.of(totalPnl), Money.of(fees),
                Money.of(cashBalance), positions, new PnlSnapshot.LedgerPosition(ledgerLastFillId, ledgerFillCount),
                checksum);
    }
}
