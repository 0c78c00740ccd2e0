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
}
