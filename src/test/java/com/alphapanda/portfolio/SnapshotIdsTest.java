package com.alphapanda.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphapanda.core.event.Broker;
import com.alphapanda.core.event.Envelope;
import com.alphapanda.core.event.PnlSnapshot;
import com.alphapanda.core.event.PnlSnapshot.SnapshotType;
import com.alphapanda.core.id.StrategyId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SnapshotIdsTest {

    private static final Instant DUE = Instant.parse("2026-11-17T04:05:00Z");
    private final PortfolioKey key = new PortfolioKey(Broker.PAPER, StrategyId.of("ids_test"));

    @Test
    void theSameDueSnapshotTakenTwiceHasTheSameIdAndEventIdAndAnotherDueTimeTypeOrPortfolioDoesNot() {
        PnlSnapshot first = SnapshotTaker.of(key, view("1000000"), SnapshotType.PERIODIC, DUE);
        PnlSnapshot again = SnapshotTaker.of(key, view("999000"), SnapshotType.PERIODIC, DUE.plusNanos(400));

        assertThat(again.snapshotId()).as("same portfolio, type and due time (to the microsecond)")
                .isEqualTo(first.snapshotId());
        assertThat(SnapshotChecksum.verify(again)).isTrue();
        Envelope<PnlSnapshot> event = SnapshotTaker.envelope(key, first);
        assertThat(event.id()).isEqualTo(first.snapshotId());
        assertThat(SnapshotTaker.envelope(key, again).id()).isEqualTo(event.id());

        assertThat(SnapshotIds.of(key.portfolioId(), SnapshotType.PERIODIC, DUE.plusSeconds(300)))
                .isNotEqualTo(first.snapshotId());
        assertThat(SnapshotIds.of(key.portfolioId(), SnapshotType.END_OF_DAY, DUE)).isNotEqualTo(first.snapshotId());
        assertThat(SnapshotIds.of("zerodha:ids_test", SnapshotType.PERIODIC, DUE)).isNotEqualTo(first.snapshotId());
    }

    private PortfolioView view(String cash) {
        BigDecimal c = new BigDecimal(cash);
        return new PortfolioView(Broker.PAPER, key.strategyId(), c, c, BigDecimal.ZERO, c, BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, 0, null, List.of(), DUE);
    }
}
