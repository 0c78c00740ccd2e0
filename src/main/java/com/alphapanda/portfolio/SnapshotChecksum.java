package com.alphapanda.portfolio;

import com.alphapanda.core.event.PnlSnapshot;
import com.alphapanda.core.money.Money;
import com.alphapanda.core.money.Price;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HexFormat;

/**
 * The checksum of a {@link PnlSnapshot}: SHA-256 (lower-case hex) of the UTF-8 bytes of its canonical form, one
 * {@code key=value} line per field, each ending in {@code \n}, in this order (docs/reconciliation.md):
 * <pre>
 * snapshot_id, portfolio_id, broker, snapshot_time, snapshot_type, total_realized, total_unrealized, total_pnl,
 * fees, cash_balance, ledger_last_fill_id, ledger_fill_count,
 * then one "position=" line per position, by instrument token ascending:
 *   instrument_token|quantity|average_price|last_price|realized|unrealized
 * </pre>
 * Decimals are written plain, without trailing zeros ({@code 0} for zero, no exponent); an absent value is empty;
 * the time is UTC with exactly six fraction digits ({@code 2026-12-01T10:00:00.000000Z}, truncated to microseconds).
 */
public final class SnapshotChecksum {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private SnapshotChecksum() {
    }

    /** The canonical form the checksum is computed over (the {@code checksum} field itself is not part of it). */
    public static String canonical(PnlSnapshot s) {
        StringBuilder out = new StringBuilder(512);
        line(out, "snapshot_id", s.snapshotId().value().toString());
        line(out, "portfolio_id", s.portfolioId());
        line(out, "broker", s.broker().id());
        line(out, "snapshot_time", time(s.snapshotTime()));
        line(out, "snapshot_type", s.snapshotType().wireName());
        line(out, "total_realized", decimal(s.totalRealized()));
        line(out, "total_unrealized", decimal(s.totalUnrealized()));
        line(out, "total_pnl", decimal(s.totalPnl()));
        line(out, "fees", decimal(s.fees()));
        line(out, "cash_balance", decimal(s.cashBalance()));
        line(out, "ledger_last_fill_id", s.ledgerPosition().lastFillId() == null ? "" : s.ledgerPosition().lastFillId());
        line(out, "ledger_fill_count", Long.toString(s.ledgerPosition().fillCount()));
        s.positions().stream()
                .sorted(Comparator.comparingLong(p -> p.instrumentToken().value()))
                .forEach(p -> line(out, "position", String.join("|", Long.toString(p.instrumentToken().value()),
                        Long.toString(p.quantity()), price(p.averagePrice()), price(p.lastPrice()),
                        decimal(p.realized()), decimal(p.unrealized()))));
        return out.toString();
    }

    /** SHA-256 of the canonical form, lower-case hex. */
    public static String of(PnlSnapshot s) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical(s).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** Whether the snapshot's checksum is the one of its fields. */
    public static boolean verify(PnlSnapshot s) {
        return s.checksum() != null && MessageDigest.isEqual(
                s.checksum().getBytes(StandardCharsets.US_ASCII), of(s).getBytes(StandardCharsets.US_ASCII));
    }

    /** The snapshot with its checksum set. */
    public static PnlSnapshot seal(PnlSnapshot s) {
        return new PnlSnapshot(s.snapshotId(), s.portfolioId(), s.broker(), s.snapshotTime(), s.snapshotType(),
                s.totalRealized(), s.totalUnrealized(), s.totalPnl(), s.fees(), s.cashBalance(), s.positions(),
                s.ledgerPosition(), of(s));
    }

    static String time(Instant t) {
        return TIME.format(t.truncatedTo(ChronoUnit.MICROS));
    }

    static String decimal(Money m) {
        return plain(m.value());
    }

    private static String price(Price p) {
        return p == null ? "" : plain(p.value());
    }

    private static String plain(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    private static void line(StringBuilder out, String key, String value) {
        out.append(key).append('=').append(value).append('\n');
    }
}
