package com.alphapanda.core.event;

import java.time.Instant;

/**
 * The payload of an {@link Envelope}. Every payload belongs to exactly one sealed family, and each family travels on
 * its own topics. Consumers switch over a family exhaustively, without a {@code default} branch.
 */
public sealed interface EventPayload
        permits MarketEvent, SignalEvent, RiskDecisionEvent, OrderEvent, OrderCommand, PnlEvent,
        ControlEvent {

    /** The partition key that gives this event its ordering (see ARCHITECTURE.md §4). */
    String partitionKey();

    /** When the thing this event describes happened (event time, e.g. the exchange timestamp of a tick). */
    Instant eventTime();
}
