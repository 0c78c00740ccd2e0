package com.alphapanda.strategy;

import com.alphapanda.core.event.MarketTick;
import java.util.Optional;

/**
 * A trading strategy: plain Java, no Spring, no I/O. It owns no mutable state itself; each instrument it trades has a
 * state object made by {@link #newState()}, which {@link #evaluate} updates in O(1) per tick. The runner keeps one
 * state per (strategy, instrument) and only ever touches it from the thread consuming that instrument's partition.
 *
 * @param <S> the per-instrument state (indicators, counters)
 */
public interface Strategy<S> {

    /** A fresh state for one instrument. */
    S newState();

    /** Folds a tick into its instrument's state and returns a BUY or SELL signal, or empty. Never HOLD. */
    Optional<StrategySignal> evaluate(MarketTick tick, S state);
}
