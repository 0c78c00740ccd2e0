package com.alphapanda.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphapanda.core.event.Broker;
import com.alphapanda.core.event.PnlSnapshot;
import com.alphapanda.core.id.EventId;
import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.core.money.Money;
import com.alphapanda.core.money.Price;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SnapshotChecksumTest {

    static final PnlSnapshot SNAPSHOT = new PnlSnapshot(
            new EventId(UUID.fromString("01a2191f-1a8b-76b9-9bad-5b02bce950ee")), "paper:momentum_1", Broker.PAPER,
            Instant.parse("2026-11-17T10:00:00Z"), PnlSnapshot.SnapshotType.END_OF_DAY, Money.of("6.0000000000"),
            Money.of("0E-10"), Money.of("4.50"), Money.of("1.50"), Money.of("999401.50"),
            List.of(new PnlSnapshot.PositionSnapshot(InstrumentToken.of(738561), 6, Price.of("100.50"), null,
                    Money.of("6"), Money.of("0"))),
            new PnlSnapshot.LedgerPosition("fill-2", 2), null);

    @Test
    void theCanonicalFormIsTheDocumentedLinesWithPlainDecimalsAndMicrosecondUtcTime() throws Exception {
        String canonical = """
                snapshot_id=01a2191f-1a8b-76b9-9bad-5b02bce950ee
                portfolio_id=paper:momentum_1
                broker=paper
                snapshot_time=2026-11-17T10:00:00.000000Z
                snapshot_type=end_of_day
                total_realized=6
                total_unrealized=0
                total_pnl=4.5
                fees=1.5
                cash_balance=999401.5
                ledger_last_fill_id=fill-2
                ledger_fill_count=2
                position=738561|6|100.5||6|0
                """;
        assertThat(SnapshotChecksum.canonical(SNAPSHOT)).isEqualTo(canonical);
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        assertThat(SnapshotChecksum.of(SNAPSHOT)).isEqualTo(expected);
    }

    @Test
    void aSealedSnapshotVerifiesAndAnyChangedFieldDoesNot() {
        PnlSnapshot sealed = SnapshotChecksum.seal(SNAPSHOT);
        assertThat(SnapshotChecksum.verify(sealed)).isTrue();
        assertThat(SnapshotChecksum.verify(SNAPSHOT)).as("no checksum").isFalse();
        PnlSnapshot tampered = new PnlSnapshot(sealed.snapshotId(), sealed.portfolioId(), sealed.broker(),
                sealed.snapshotTime(), sealed.snapshotType(), sealed.totalRealized(), sealed.totalUnrealized(),
                Money.of("4.51"), sealed.fees(), sealed.cashBalance(), sealed.positions(), sealed.ledgerPosition(),
                sealed.checksum());
        assertThat(SnapshotChecksum.verify(tampered)).isFalse();
    }

    @Test
    void theScaleOfAnAmountDoesNotChangeTheChecksum() {
        PnlSnapshot rescaled = new PnlSnapshot(SNAPSHOT.snapshotId(), SNAPSHOT.portfolioId(), SNAPSHOT.broker(),
                SNAPSHOT.snapshotTime(), SNAPSHOT.snapshotType(), Money.of("6"), Money.of("0.00"),
                Money.of("4.5000000000"), SNAPSHOT.fees(), SNAPSHOT.cashBalance(), SNAPSHOT.positions(),
                SNAPSHOT.ledgerPosition(), null);
        assertThat(SnapshotChecksum.of(rescaled)).isEqualTo(SnapshotChecksum.of(SNAPSHOT));
    }
}
