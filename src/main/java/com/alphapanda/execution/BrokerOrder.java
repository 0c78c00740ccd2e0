package com.alphapanda.execution;

import com.alphapanda.core.event.SignalType;
import com.alphapanda.core.id.EventId;
import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.core.id.StrategyId;

/** An order as the venue knows it. */
public record BrokerOrder(String orderId, EventId signalId, StrategyId strategyId, InstrumentToken instrumentToken,
                          SignalType side, long quantity, long filledQuantity, Status status) {

    /** Where an order is in its life. */
    public enum Status {
        OPEN, PARTIALLY_FILLED, FILLED, CANCELLED, EXPIRED, FAILED;

        public boolean isWorking() {
            return this == OPEN || this == PARTIALLY_FILLED;
        }
    }
}
