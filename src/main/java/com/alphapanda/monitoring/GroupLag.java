package com.alphapanda.monitoring;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The lag of one consumer group: its state in the broker, its worst partition status, totals and per topic and per
 * partition figures. When the group could not be read, {@code error} says why, {@code status} is
 * {@link LagStatus#ERROR} and there are no figures (never a zero lag).
 *
 * @param state   the group state in the broker ({@code STABLE}, {@code EMPTY}, ...)
 * @param members active members; 0 when no consumer of the group is running
 */
public record GroupLag(String group, String state, int members, LagStatus status, Optional<String> error,
                       long totalLag, long maxLag, Optional<Duration> maxTimeLag,
                       List<TopicLag> topics, List<PartitionLag> partitions) {

    public GroupLag {
        topics = List.copyOf(topics);
        partitions = List.copyOf(partitions);
    }

    /** A group whose lag could not be read. */
    public static GroupLag failed(String group, String reason) {
        return new GroupLag(group, "UNKNOWN", 0, LagStatus.ERROR, Optional.of(reason), 0, 0, Optional.empty(),
                List.of(), List.of());
    }

    public boolean failed() {
        return error.isPresent();
    }
}
