package com.alphapanda.bench;

/** Ticks the bench sent and the events its consumer saw during a measured period. */
public record EventCounts(long ticks, long tickSendFailures, long rawSignals, long validatedSignals,
                          long rejectedSignals, long fills, long failedOrders) {
}
