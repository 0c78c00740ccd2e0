package com.alphapanda.marketfeed;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphapanda.core.event.MarketTick;
import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.core.money.Price;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.junit.jupiter.api.Test;

class ReplayBatchTest {

    private static TickHandOff.Pending pending(long i) {
        return new TickHandOff.Pending(MarketTick.ltp(InstrumentToken.of(738561), Price.of("100"),
                Instant.parse("2026-01-05T04:00:00Z").plusSeconds(i)), i);
    }

    private static BlockingQueue<TickHandOff.Pending> queued(int from, int to) {
        BlockingQueue<TickHandOff.Pending> queue = new ArrayBlockingQueue<>(2_000);
        for (int i = from; i < to; i++) {
            queue.add(pending(i));
        }
        return queue;
    }

    @Test
    void aBatchTakesAtMostFiveHundredTicksInQueueOrder() {
        BlockingQueue<TickHandOff.Pending> queue = queued(1, 1_200);
        List<TickHandOff.Pending> batch = ReplayBatch.gather(queue, pending(0));
        assertThat(batch).hasSize(ReplayBatch.MAX);
        assertThat(batch).extracting(TickHandOff.Pending::sequence).isSorted().startsWith(0L, 1L, 2L)
                .endsWith(499L);
        assertThat(queue).hasSize(700);
    }

    @Test
    void aBatchWaitsAtMostTheGatherTimeForMoreTicks() {
        long started = System.nanoTime();
        List<TickHandOff.Pending> batch = ReplayBatch.gather(queued(1, 4), pending(0));
        long waitedMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(batch).extracting(TickHandOff.Pending::sequence).containsExactly(0L, 1L, 2L, 3L);
        assertThat(waitedMillis).isBetween(ReplayBatch.GATHER.toMillis() - 5, 5_000L);
    }

    @Test
    void anInterruptedGatherReturnsWhatItHasAndKeepsTheInterrupt() {
        Thread.currentThread().interrupt();
        try {
            List<TickHandOff.Pending> batch = ReplayBatch.gather(queued(1, 3), pending(0));
            assertThat(batch).extracting(TickHandOff.Pending::sequence).containsExactly(0L, 1L, 2L);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }
}
