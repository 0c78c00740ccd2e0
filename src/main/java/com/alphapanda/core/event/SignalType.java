package com.alphapanda.core.event;

/** The direction of a signal or an order. HOLD is never published. */
public enum SignalType {
    BUY, SELL, HOLD
}
