package com.alphapanda.risk;

import com.alphapanda.core.event.Broker;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The trading state of every broker as this instance applies it: always the state stored in PostgreSQL (the source of
 * truth), re-read as soon as a change is announced on {@code alpha-panda.control} and every second regardless, so a
 * change is applied within a second even if its event is not delivered, and an event the table does not back (a
 * replay, a test) changes nothing.
 */
final class TradingStates {

    private final Map<Broker, TradingStatus> states = new ConcurrentHashMap<>();

    TradingStatus of(Broker broker) {
        return states.getOrDefault(broker, TradingStatus.initial(broker));
    }

    void set(TradingStatus stored) {
        states.put(stored.broker(), stored);
    }
}
