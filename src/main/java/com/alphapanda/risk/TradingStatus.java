package com.alphapanda.risk;

import com.alphapanda.core.event.Broker;
import com.alphapanda.core.event.TradingState;
import java.time.Instant;
import java.util.Objects;

/**
 * The trading state of a broker with who set it, when and why. {@code changedAt} is null for the initial state of a
 * broker nobody has changed yet (it was never set, so it has no time; the API omits it or shows null).
 */
public record TradingStatus(Broker broker, TradingState state, String reason, String changedBy, Instant changedAt) {

    public TradingStatus {
        Objects.requireNonNull(broker, "broker");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(changedBy, "changed_by");
    }

    /** The state of a broker nobody has changed yet. */
    public static TradingStatus initial(Broker broker) {
        return new TradingStatus(broker, TradingState.ACTIVE, "initial state", "system", null);
    }
}
