package com.alphapanda.monitoring;

import java.time.Duration;
import java.util.List;

/**
 * Burrow's partition rules over a window of sampled committed offsets. The Admin API shows committed offsets, not
 * commit events, so "no commits" means "the committed offset did not move"; a partition is evaluated only while it
 * has lag, in this order:
 * <ol>
 *   <li>{@code REWIND}: the newest committed offset is below one seen earlier in the window;</li>
 *   <li>{@code STOP}: lag and an unmoved committed offset for longer than {@code stopAfter} (the window's span);</li>
 *   <li>{@code STALL}: lag in every sample of the window (two at least) and the committed offset never moved;</li>
 *   <li>{@code WARN}: lag in every sample, the committed offset advances, but lag never decreased and grew;</li>
 *   <li>otherwise {@code OK}.</li>
 * </ol>
 */
final class LagStatusRules {

    private LagStatusRules() {
    }

    static LagStatus evaluate(PartitionWindow window, Duration stopAfter) {
        List<OffsetSample> samples = window.samples();
        if (samples.isEmpty() || samples.getLast().lag() == 0) {
            return LagStatus.OK;
        }
        if (rewound(samples)) {
            return LagStatus.REWIND;
        }
        if (window.stuckFor().compareTo(stopAfter) > 0) {
            return LagStatus.STOP;
        }
        boolean alwaysLagging = samples.size() >= 2 && samples.stream().allMatch(s -> s.lag() > 0);
        if (!alwaysLagging) {
            return LagStatus.OK;
        }
        if (samples.stream().allMatch(s -> s.committed() == samples.getFirst().committed())) {
            return LagStatus.STALL;
        }
        return lagNeverDecreasedAndGrew(samples) ? LagStatus.WARN : LagStatus.OK;
    }

    private static boolean rewound(List<OffsetSample> samples) {
        long newest = samples.getLast().committed();
        return samples.stream().anyMatch(s -> s.committed() > newest);
    }

    private static boolean lagNeverDecreasedAndGrew(List<OffsetSample> samples) {
        for (int i = 1; i < samples.size(); i++) {
            if (samples.get(i).lag() < samples.get(i - 1).lag()) {
                return false;
            }
        }
        return samples.getLast().lag() > samples.getFirst().lag();
    }
}
