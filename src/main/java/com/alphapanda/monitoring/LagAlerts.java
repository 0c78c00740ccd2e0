package com.alphapanda.monitoring;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Raises and clears consumer-lag alerts from successive lag reports: a breach (message lag, time lag or a bad group
 * status) lasting {@code afterSamples} consecutive collections raises one alert; the first collection without it
 * clears it. A group that could not be read leaves its alerts as they are; a group that no longer exists clears its
 * alerts. Plain Java; safe to read from any thread.
 */
public final class LagAlerts {

    /** A change to report: an alert raised or cleared. */
    public record Change(LagAlert alert, boolean raised) {
    }

    private record Key(String group, AlertKind kind) {
    }

    private static final int HISTORY = 100;

    private final boolean enabled;
    private final long lagThreshold;
    private final Duration secondsThreshold;
    private final int afterSamples;
    private final Map<Key, Integer> breaches = new HashMap<>();
    private final Map<Key, LagAlert> active = new HashMap<>();
    private final Deque<LagAlert> cleared = new ArrayDeque<>();

    LagAlerts(boolean enabled, long lagThreshold, Duration secondsThreshold, int afterSamples) {
        this.enabled = enabled;
        this.lagThreshold = lagThreshold;
        this.secondsThreshold = secondsThreshold;
        this.afterSamples = afterSamples;
    }

    synchronized List<Change> evaluate(LagReport report) {
        List<Change> changes = new ArrayList<>();
        Set<String> present = report.groups().stream().map(GroupLag::group).collect(Collectors.toSet());
        List<Key> gone = active.keySet().stream().filter(k -> !present.contains(k.group())).toList();
        gone.forEach(k -> changes.add(clear(k, report.collectedAt())));
        breaches.keySet().removeIf(k -> !present.contains(k.group()));
        if (report.error().isPresent()) {
            return changes;
        }
        for (GroupLag group : report.groups()) {
            if (!group.failed()) {
                for (AlertKind kind : AlertKind.values()) {
                    observe(new Key(group.group(), kind), breach(group, kind), report.collectedAt())
                            .ifPresent(changes::add);
                }
            }
        }
        return changes;
    }

    private Optional<Change> observe(Key key, Optional<String> breach, Instant at) {
        if (breach.isEmpty() || !enabled) {
            breaches.remove(key);
            return active.containsKey(key) ? Optional.of(clear(key, at)) : Optional.empty();
        }
        int count = breaches.merge(key, 1, Integer::sum);
        if (count == afterSamples && !active.containsKey(key)) {
            LagAlert alert = new LagAlert(key.group(), key.kind(), at, breach.get(), Optional.empty());
            active.put(key, alert);
            return Optional.of(new Change(alert, true));
        }
        return Optional.empty();
    }

    private Optional<String> breach(GroupLag group, AlertKind kind) {
        return switch (kind) {
            case LAG_MESSAGES -> group.maxLag() > lagThreshold
                    ? Optional.of("max partition lag " + group.maxLag() + " > " + lagThreshold + " messages")
                    : Optional.empty();
            case LAG_SECONDS -> group.maxTimeLag().filter(t -> t.compareTo(secondsThreshold) > 0)
                    .map(t -> "max time lag " + t.toMillis() / 1000.0 + " s > " + secondsThreshold.toSeconds() + " s");
            case GROUP_STATUS -> switch (group.status()) {
                case STALL, STOP, REWIND -> Optional.of("group status " + group.status());
                case OK, WARN, ERROR -> Optional.empty();
            };
        };
    }

    private Change clear(Key key, Instant at) {
        LagAlert done = active.remove(key).cleared(at);
        cleared.addFirst(done);
        if (cleared.size() > HISTORY) {
            cleared.removeLast();
        }
        return new Change(done, false);
    }

    /** True when the last collection saw this group and kind without a breach (and no alert is active here). */
    synchronized boolean healthy(String group, AlertKind kind) {
        Key key = new Key(group, kind);
        return !active.containsKey(key) && !breaches.containsKey(key);
    }

    /** The alerts currently raised, oldest first. */
    public synchronized List<LagAlert> active() {
        return active.values().stream().sorted(java.util.Comparator.comparing(LagAlert::raisedAt)).toList();
    }

    /** The last cleared alerts, newest first (at most 100). */
    public synchronized List<LagAlert> recentlyCleared() {
        return List.copyOf(cleared);
    }
}
