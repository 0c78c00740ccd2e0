package com.alphapanda.bench;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The consumer lag seen over part of a run.
 *
 * @param worstByGroup the largest time lag of each group over the window
 * @param samples      collections made
 * @param unreadable   collections or groups whose lag could not be read
 * @param current      the largest time lag of any group at the last collection
 */
record LagWindow(Map<String, Duration> worstByGroup, int samples, int unreadable, Duration current) {

    static final LagWindow EMPTY = new LagWindow(Map.of(), 0, 0, Duration.ZERO);

    /** The group with the largest time lag, if any was measured. */
    Optional<Map.Entry<String, Duration>> worst() {
        return worstByGroup.entrySet().stream().max(Map.Entry.comparingByValue());
    }

    Duration worstLag() {
        return worst().map(Map.Entry::getValue).orElse(Duration.ZERO);
    }
}
