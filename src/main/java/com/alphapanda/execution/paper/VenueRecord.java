package com.alphapanda.execution.paper;

import com.alphapanda.core.event.OrderEvent;
import java.time.Instant;

/**
 * What the venue records, in order: the order events it emits, and the stop triggers that change an order without
 * an event. Replaying the records rebuilds the venue.
 */
sealed interface VenueRecord {

    /** An order event to publish. */
    record Emitted(OrderEvent event) implements VenueRecord {
    }

    /** A stop-limit order's stop was touched: from now on it trades as a limit order. */
    record StopTriggered(String orderId, Instant at) implements VenueRecord {
    }
}
