package com.alphapanda.monitoring;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The sliding window of the last samples of one group on one partition, with the two instants the rules need: since
 * when the committed offset has been what it is, and since when lag has been continuously above zero. Owned by the
 * collecting thread.
 */
final class PartitionWindow {

    private final int capacity;
    private final Deque<OffsetSample> samples = new ArrayDeque<>();
    private Instant committedSince;
    private Instant laggingSince;

    PartitionWindow(int capacity) {
        if (capacity < 2) {
            throw new IllegalArgumentException("a window holds at least two samples");
        }
        this.capacity = capacity;
    }

    void add(OffsetSample sample) {
        OffsetSample last = samples.peekLast();
        if (last == null || last.committed() != sample.committed()) {
            committedSince = sample.at();
        }
        if (sample.lag() == 0) {
            laggingSince = null;
        } else if (laggingSince == null) {
            laggingSince = sample.at();
        }
        samples.addLast(sample);
        if (samples.size() > capacity) {
            samples.removeFirst();
        }
    }

    List<OffsetSample> samples() {
        return new ArrayList<>(samples);
    }

    /** How long neither the committed offset moved nor lag dropped to zero, at the newest sample. */
    Duration stuckFor() {
        OffsetSample last = samples.peekLast();
        if (last == null || laggingSince == null) {
            return Duration.ZERO;
        }
        Instant since = committedSince.isAfter(laggingSince) ? committedSince : laggingSince;
        return Duration.between(since, last.at());
    }
}
