package com.alphapanda.monitoring;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Lag of one consumer group on one partition, as read from the broker.
 *
 * @param committedOffset the group's committed offset; empty when it has committed nothing there (its whole log lags)
 * @param endOffset       the last stable offset (what a read_committed consumer can reach)
 * @param messageLag      records the group has not consumed yet; 0 when only transaction markers remain
 * @param timeLag         now minus the timestamp of the oldest unconsumed record (0 when caught up); empty when that
 *                        record could not be read in time
 */
public record PartitionLag(String topic, int partition, OptionalLong committedOffset, long endOffset,
                           long messageLag, Optional<Duration> timeLag, LagStatus status) {
}
