package com.alphapanda.execution.paper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphapanda.core.event.MarketEvent;
import com.alphapanda.core.event.MarketTick;
import com.alphapanda.core.money.Price;
import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.core.streaming.Envelopes;
import com.alphapanda.core.topic.Topics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecentTicksTest {

    private static final Instant AT = Instant.parse("2026-11-27T04:00:00Z");

    /** What was asked of the topic behind the memory: partition, from, to. */
    private final List<List<Long>> topicReads = new ArrayList<>();
    private final RecentTicks recent = new RecentTicks((partition, from, to, each) -> {
        topicReads.add(List.of((long) partition, from, to));
        for (long offset = from; offset <= to; offset++) {
            each.accept(tick(offset));
        }
    }, 4);

    @Test
    void aRangeTheRememberedTicksCoverIsHandedOverFromMemoryInOrderWithBothEndsIncluded() {
        List.of(10L, 11L, 13L, 14L).forEach(offset -> recent.add(3, tick(offset))); // 12: a transaction marker

        assertThat(offsetsRead(3, 11, 14)).containsExactly(11L, 13L, 14L);
        assertThat(offsetsRead(3, 10, 10)).containsExactly(10L);
        assertThat(offsetsRead(3, 12, 12)).isEmpty();
        assertThat(topicReads).isEmpty();
    }

    @Test
    void aRangeReachingBeforeTheFirstOrAfterTheLastRememberedTickIsReadFromTheTopic() {
        List.of(10L, 11L, 12L).forEach(offset -> recent.add(3, tick(offset)));

        assertThat(offsetsRead(3, 9, 12)).containsExactly(9L, 10L, 11L, 12L);
        assertThat(offsetsRead(3, 11, 13)).containsExactly(11L, 12L, 13L);
        assertThat(offsetsRead(4, 11, 12)).containsExactly(11L, 12L);
        assertThat(topicReads).containsExactly(List.of(3L, 9L, 12L), List.of(3L, 11L, 13L), List.of(4L, 11L, 12L));
    }

    @Test
    void aTickReadAgainIsRememberedOnceAndTheOldestGoWhenAPartitionIsFull() {
        List.of(10L, 11L, 12L, 11L, 12L, 13L, 14L).forEach(offset -> recent.add(3, tick(offset)));

        assertThat(recent.covers(3, 11, 14)).isTrue();
        assertThat(recent.covers(3, 10, 14)).isFalse();
        assertThat(offsetsRead(3, 11, 14)).containsExactly(11L, 12L, 13L, 14L);
        assertThat(topicReads).isEmpty();
    }

    @Test
    void aPartitionAssignedAgainIsReadFromTheTopic() {
        List.of(10L, 11L).forEach(offset -> recent.add(3, tick(offset)));
        List.of(10L, 11L).forEach(offset -> recent.add(5, tick(offset)));

        recent.forget(Set.of(3));

        assertThat(recent.covers(3, 10, 11)).isFalse();
        assertThat(recent.covers(5, 10, 11)).isTrue();
        assertThat(offsetsRead(3, 10, 11)).containsExactly(10L, 11L);
        assertThat(topicReads).containsExactly(List.of(3L, 10L, 11L));
    }

    @Test
    void keepingNoTickIsRefused() {
        assertThatThrownBy(() -> new RecentTicks((partition, from, to, each) -> { }, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
    }

    private List<Long> offsetsRead(int partition, long from, long to) {
        List<Long> offsets = new ArrayList<>();
        recent.read(partition, from, to, t -> {
            assertThat(t.envelope().payload()).isInstanceOf(MarketTick.class);
            offsets.add(t.offset());
        });
        return offsets;
    }

    private static TickHistory.Tick tick(long offset) {
        MarketEvent tick = MarketTick.ltp(InstrumentToken.of(408065), Price.of("100.05"), AT.plusSeconds(offset));
        return new TickHistory.Tick(Envelopes.root(Topics.MARKET_TICKS, tick, "test"), offset);
    }
}
