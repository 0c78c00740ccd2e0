package com.alphapanda.core.event;

/** A strategy's trading intent; travels on {@code {broker}.signals.raw}, keyed {@code strategyId:instrumentToken}. */
public sealed interface SignalEvent extends EventPayload permits TradingSignal {
}
