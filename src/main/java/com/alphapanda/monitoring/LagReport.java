package com.alphapanda.monitoring;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One collection of consumer lag over every monitored group.
 *
 * @param collectedAt    when the offsets were read (time lags are measured against this instant)
 * @param collectionTime how long the collection took
 * @param error          why the collection as a whole failed (broker unreachable); the groups known from the previous
 *                       collection are then listed with status {@link LagStatus#ERROR}
 */
public record LagReport(Instant collectedAt, Duration collectionTime, Optional<String> error, List<GroupLag> groups) {

    public LagReport {
        groups = List.copyOf(groups);
    }

    public Optional<GroupLag> group(String id) {
        return groups.stream().filter(g -> g.group().equals(id)).findFirst();
    }
}
