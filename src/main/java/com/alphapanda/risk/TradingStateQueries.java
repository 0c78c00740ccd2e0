package com.alphapanda.risk;

import com.alphapanda.core.event.Broker;
import com.alphapanda.core.event.TradingState;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** The trading state of each broker with its recent history, for {@code GET /api/v1/trading-state}. */
public final class TradingStateQueries {

    /** A broker's stored state, the state this instance applies, and its recent changes (newest first). */
    public record BrokerState(Broker broker, TradingState state, String reason, String changedBy, Instant changedAt,
                              TradingState appliedState, List<HistoryEntry> history) {
    }

    /** One recorded change. */
    public record HistoryEntry(TradingState state, TradingState previousState, String reason, String changedBy,
                               Instant changedAt) {
    }

    static final int HISTORY_LIMIT = 20;

    private final TradingStateStore store;
    private final TradingStates applied;
    private final Collection<Broker> brokers;

    TradingStateQueries(TradingStateStore store, TradingStates applied, Collection<Broker> brokers) {
        this.store = store;
        this.applied = applied;
        this.brokers = brokers;
    }

    public List<BrokerState> all() {
        return brokers.stream().sorted().map(this::of).toList();
    }

    private BrokerState of(Broker broker) {
        TradingStatus current = store.current(broker);
        List<HistoryEntry> history = store.history(broker, HISTORY_LIMIT).stream()
                .map(c -> new HistoryEntry(c.state(), c.previousState(), c.reason(), c.changedBy(), c.changedAt()))
                .toList();
        return new BrokerState(broker, current.state(), current.reason(), current.changedBy(), current.changedAt(),
                applied.of(broker).state(), history);
    }
}
