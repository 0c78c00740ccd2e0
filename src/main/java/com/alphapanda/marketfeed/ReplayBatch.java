package com.alphapanda.marketfeed;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * How a replay's queued ticks are grouped into Kafka transactions: the ticks queued within {@link #GATHER} of the
 * first, at most {@link #MAX} of them. Fewer, larger transactions: each one's first write waits for the previous one's
 * commit markers.
 */
final class ReplayBatch {

    /** The most ticks of a replay published in one transaction. */
    static final int MAX = 500;
    /** How long a replay batch waits for more ticks after its first. */
    static final Duration GATHER = Duration.ofMillis(100);

    private ReplayBatch() {
    }

    /** The batch starting with {@code first}; interrupted, it returns what it has with the interrupt flag set. */
    static List<TickHandOff.Pending> gather(BlockingQueue<TickHandOff.Pending> queue, TickHandOff.Pending first) {
        List<TickHandOff.Pending> batch = new ArrayList<>(List.of(first));
        long deadline = System.nanoTime() + GATHER.toNanos();
        while (batch.size() < MAX) {
            queue.drainTo(batch, MAX - batch.size());
            long wait = deadline - System.nanoTime();
            if (batch.size() >= MAX || wait <= 0) {
                break;
            }
            TickHandOff.Pending next;
            try {
                next = queue.poll(wait, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // stopping: the caller publishes this batch with the rest
                break;
            }
            if (next == null) {
                break;
            }
            batch.add(next);
        }
        return batch;
    }
}
