package com.alphapanda.bench;

import com.alphapanda.monitoring.ConsumerLagMonitor;
import com.alphapanda.monitoring.GroupLag;
import com.alphapanda.monitoring.LagReport;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * Consumer lag of every platform group, collected from the broker by the platform's own
 * {@link ConsumerLagMonitor} (committed offsets, end offsets and the timestamp of the oldest unconsumed record). Keeps
 * the worst time lag per group over a window: the run is sustained only if every group stayed under the threshold.
 * The live-stream consumers ({@code alpha-panda.api-stream.<instance>}) are not judged: they auto-commit every 5 s,
 * so their committed offsets trail by up to that much whether or not they keep up. Synchronized: one sampling thread,
 * readers get immutable snapshots.
 */
final class LagSampler {

    /** Groups whose committed offsets do not tell whether they keep up. */
    static final java.util.List<String> NOT_JUDGED_PREFIXES = java.util.List.of("alpha-panda.api-stream.");

    private final ConsumerLagMonitor monitor;
    private final Map<String, Duration> worst = new TreeMap<>();
    private volatile LagWindow last = LagWindow.EMPTY;
    private int samples;
    private int unreadable;

    LagSampler(ConsumerLagMonitor monitor) {
        this.monitor = monitor;
    }

    /** Starts a new window. */
    synchronized void reset() {
        worst.clear();
        samples = 0;
        unreadable = 0;
        last = LagWindow.EMPTY;
    }

    /** Collects once and folds the result into the window. */
    synchronized LagWindow sample() {
        LagReport report = monitor.collect();
        samples++;
        if (report.error().isPresent()) {
            unreadable++;
        }
        Duration now = Duration.ZERO;
        for (GroupLag g : report.groups()) {
            if (!judged(g.group())) {
                continue;
            }
            Duration lag = timeLag(g);
            if (lag == null) {
                unreadable++;
                continue;
            }
            worst.merge(g.group(), lag, (a, b) -> a.compareTo(b) >= 0 ? a : b);
            now = now.compareTo(lag) >= 0 ? now : lag;
        }
        last = new LagWindow(Map.copyOf(worst), samples, unreadable, now);
        return last;
    }

    LagWindow window() {
        return last;
    }

    static boolean judged(String group) {
        return NOT_JUDGED_PREFIXES.stream().noneMatch(group::startsWith);
    }

    /** A group's time lag: zero when it has nothing left to consume; null when it could not be read. */
    private static Duration timeLag(GroupLag g) {
        if (g.failed()) {
            return null;
        }
        if (g.totalLag() == 0) {
            return Duration.ZERO;
        }
        return g.maxTimeLag().orElse(null);
    }
}
