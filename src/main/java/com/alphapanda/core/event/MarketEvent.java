package com.alphapanda.core.event;

/** Market data, shared by every broker; travels on {@code market.ticks}, keyed by instrument token. */
public sealed interface MarketEvent extends EventPayload permits MarketTick {
}
