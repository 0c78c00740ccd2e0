package com.alphapanda.risk;

import com.alphapanda.core.event.Broker;
import com.alphapanda.core.event.TradingStateChanged;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The trading state of every broker as this instance knows it: applied from {@code alpha-panda.control} as soon as
 * a change is published (an older event never replaces a newer one), and reset from PostgreSQL, the source of truth,
 * every second, so a change is applied within a second even if its event was not delivered.
 */
final class TradingStates {

    private final Map<Broker, TradingStatus> states = new ConcurrentHashMap<>();

    TradingStatus of(Broker broker) {
        return states.getOrDefault(broker, TradingStatus.initial(broker));
    }

    void apply(TradingStateChanged changed) {
        apply(new TradingStatus(changed.broker(), changed.state(), changed.reason(), changed.changedBy(),
                changed.changedAt()));
    }

    void apply(TradingStatus status) {
        states.merge(status.broker(), status,
                (old, candidate) -> candidate.changedAt().isBefore(old.changedAt()) ? old : candidate);
    }

    /** The stored state wins: a published change the table does not hold is undone at the next poll. */
    void reset(TradingStatus stored) {
        states.put(stored.broker(), stored);
    }
}
