package com.alphapanda.monitoring;

import java.time.Duration;
import java.util.Optional;

/**
 * A group's lag aggregated over the partitions of one topic.
 *
 * @param partitionsOverThreshold partitions whose message lag exceeds {@code consumer-lag-threshold}
 * @param maxTimeLag              the largest known time lag; empty when no partition's could be read
 */
public record TopicLag(String topic, int partitions, long totalLag, long maxLag, double averageLag,
                       int partitionsOverThreshold, Optional<Duration> maxTimeLag) {
}
