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

    /** {@link #stateTicks()} of a state that depends on every in-session tick of the instrument's trading day. */
    int SESSION_DAY = Integer.MAX_VALUE;

    /**
     * How many of an instrument's latest in-session ticks determine its state: folding those ticks (or more) into a
     * fresh state gives a state that decides every later tick as the state of an uninterrupted run does. The runner
     * rebuilds the state of the partitions it is assigned this way (docs/strategies.md). {@link #SESSION_DAY} (the
     * default, always safe) means the ticks of the whole trading day.
     */
    default int stateTicks() {
        return SESSION_DAY;
    }
}
