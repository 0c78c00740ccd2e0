package com.alphapanda.core.event;

/** The trading state of a broker: everything allowed, everything rejected, or only exposure-reducing signals. */
public enum TradingState {
    ACTIVE, HALTED, REDUCING
}
