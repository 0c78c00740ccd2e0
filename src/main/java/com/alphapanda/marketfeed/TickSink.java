package com.alphapanda.marketfeed;

import com.alphapanda.core.event.MarketTick;
import java.time.Duration;

/** Accepts ticks from a {@link TickSource} into a bounded hand-off; a tick that does not fit is dropped and counted. */
public interface TickSink {

    /** Hands a tick over without waiting; false (and counted as dropped) when the hand-off is full. */
    boolean offer(MarketTick tick);

    /**
     * Hands a tick over, waiting at most {@code maxWait} for room (for sources that may pace themselves, such as a
     * replay at maximum speed); false (and counted as dropped) if there was no room in time.
     */
    boolean offer(MarketTick tick, Duration maxWait) throws InterruptedException;

    /**
     * As {@link #offer(MarketTick, Duration)}, for a tick that is the {@code sequence}-th (from 0) of a recorded file:
     * a sink that records the replay's progress publishes it under that index.
     */
    default boolean offer(MarketTick tick, long sequence, Duration maxWait) throws InterruptedException {
        return offer(tick, maxWait);
    }
}
