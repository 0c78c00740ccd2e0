package com.alphapanda.portfolio;

import com.alphapanda.core.event.PnlSnapshot;
import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.core.money.Price;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Compares a snapshot with the book recomputed from the ledger at the snapshot's ledger position. Drift is always
 * snapshot − ledger. Prices are not ledger facts, so the ledger's unrealized PnL is taken at the snapshot's own mark
 * (or at the ledger's average price when the snapshot has none). The snapshot is {@code reconciled} when quantities
 * agree, the ledger position exists and every amount drifts by at most the tolerance; otherwise it is a
 * {@code discrepancy}. Plain domain logic.
 */
final class SnapshotValidation {

    /** Drift of one instrument (only instruments that drift are listed). */
    record PositionDrift(long instrumentToken, long quantity, BigDecimal realized, BigDecimal unrealized) {
    }

    /** Drift of the totals, the largest absolute amount drift, and the instruments that drift. */
    record Drift(BigDecimal maxAbs, BigDecimal realized, BigDecimal unrealized, BigDecimal fees, BigDecimal cash,
                 BigDecimal totalPnl, boolean ledgerPositionFound, List<PositionDrift> positions) {
    }

    /** The outcome: {@code reconciled} or {@code discrepancy}, with the drift. */
    record Result(String status, Drift drift) {
        boolean discrepancy() {
            return DISCREPANCY.equals(status);
        }
    }

    static final String RECONCILED = "reconciled";
    static final String DISCREPANCY = "discrepancy";

    private SnapshotValidation() {
    }

    static Result validate(PnlSnapshot s, LedgerRecomputation.Book book, BigDecimal tolerance) {
        Map<Long, PnlSnapshot.PositionSnapshot> snapshot = s.positions().stream()
                .collect(Collectors.toMap(p -> p.instrumentToken().value(), Function.identity(), (a, b) -> a));
        TreeSet<Long> tokens = new TreeSet<>(snapshot.keySet());
        book.positions().keySet().forEach(t -> tokens.add(t.value()));
        BigDecimal realized = BigDecimal.ZERO;
        BigDecimal unrealized = BigDecimal.ZERO;
        BigDecimal maxAbs = BigDecimal.ZERO;
        boolean quantitiesAgree = true;
        List<PositionDrift> drifts = new ArrayList<>();
        for (long token : tokens) {
            Optional<PnlSnapshot.PositionSnapshot> sp = Optional.ofNullable(snapshot.get(token));
            Position lp = book.positions().getOrDefault(InstrumentToken.of(token), Position.FLAT);
            BigDecimal mark = sp.map(PnlSnapshot.PositionSnapshot::lastPrice).map(Price::value)
                    .orElse(lp.averagePrice());
            BigDecimal ledgerUnrealized = mark == null ? BigDecimal.ZERO : lp.unrealizedAt(mark);
            realized = realized.add(lp.realized());
            unrealized = unrealized.add(ledgerUnrealized);
            PositionDrift d = new PositionDrift(token, sp.map(PnlSnapshot.PositionSnapshot::quantity).orElse(0L)
                    - lp.quantity(),
                    sp.map(p -> p.realized().value()).orElse(BigDecimal.ZERO).subtract(lp.realized()),
                    sp.map(p -> p.unrealized().value()).orElse(BigDecimal.ZERO).subtract(ledgerUnrealized));
            quantitiesAgree &= d.quantity() == 0;
            maxAbs = maxAbs.max(d.realized().abs()).max(d.unrealized().abs());
            if (d.quantity() != 0 || d.realized().signum() != 0 || d.unrealized().signum() != 0) {
                drifts.add(new PositionDrift(token, d.quantity(), clean(d.realized()), clean(d.unrealized())));
            }
        }
        BigDecimal total = realized.add(unrealized).subtract(book.fees());
        Drift drift = new Drift(BigDecimal.ZERO,
                clean(s.totalRealized().value().subtract(realized)),
                clean(s.totalUnrealized().value().subtract(unrealized)),
                clean(s.fees().value().subtract(book.fees())),
                clean(s.cashBalance().value().subtract(book.cash())),
                clean(s.totalPnl().value().subtract(total)),
                ledgerPositionFound(s, book), drifts);
        for (BigDecimal d : List.of(drift.realized(), drift.unrealized(), drift.fees(), drift.cash(), drift.totalPnl())) {
            maxAbs = maxAbs.max(d.abs());
        }
        drift = new Drift(clean(maxAbs), drift.realized(), drift.unrealized(), drift.fees(), drift.cash(),
                drift.totalPnl(), drift.ledgerPositionFound(), drift.positions());
        boolean ok = quantitiesAgree && drift.ledgerPositionFound() && maxAbs.compareTo(tolerance) <= 0;
        return new Result(ok ? RECONCILED : DISCREPANCY, drift);
    }

    private static boolean ledgerPositionFound(PnlSnapshot s, LedgerRecomputation.Book book) {
        PnlSnapshot.LedgerPosition at = s.ledgerPosition();
        return book.fillCount() == at.fillCount() && java.util.Objects.equals(book.lastFillId(), at.lastFillId());
    }

    private static BigDecimal clean(BigDecimal value) {
        return value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
    }

}
