package com.alphapanda.monitoring;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.common.TopicPartition;

/**
 * Turns the offsets read from the broker (and the timestamps of the oldest unconsumed records) into a
 * {@link LagReport}: message lag, time lag and status per partition, aggregates per topic and group. Keeps the
 * sliding window of every group on every partition between collections. Plain Java; one collecting thread.
 */
final class LagAssembler {

    private record WindowKey(String group, TopicPartition partition) {
    }

    private final int windowSamples;
    private final Duration stopAfter;
    private final long lagThreshold;
    private final Map<WindowKey, PartitionWindow> windows = new HashMap<>();

    LagAssembler(int windowSamples, Duration stopAfter, long lagThreshold) {
        this.windowSamples = windowSamples;
        this.stopAfter = stopAfter;
        this.lagThreshold = lagThreshold;
    }

    /** Where the oldest unconsumed record of every lagging partition is, for the time-lag lookup. */
    Set<RecordPosition> lagging(BrokerOffsets offsets) {
        return offsets.groups().stream().filter(g -> g.error().isEmpty())
                .flatMap(g -> g.committed().keySet().stream()
                        .filter(tp -> offsets.endOffsets().containsKey(tp))
                        .map(tp -> new RecordPosition(tp, g.nextOffset(tp, offsets.startOffsets())))
                        .filter(p -> p.offset() < offsets.endOffsets().get(p.partition())))
                .collect(Collectors.toSet());
    }

    LagReport assemble(BrokerOffsets offsets, Map<RecordPosition, RecordTimestamps.Lookup> lookups, Instant at,
                       Duration took) {
        List<GroupLag> groups = offsets.groups().stream().map(g -> group(g, offsets, lookups, at)).toList();
        Set<WindowKey> seen = offsets.groups().stream()
                .flatMap(g -> g.committed().keySet().stream().map(tp -> new WindowKey(g.id(), tp)))
                .collect(Collectors.toSet());
        Set<String> failed = groups.stream().filter(GroupLag::failed).map(GroupLag::group).collect(Collectors.toSet());
        windows.keySet().removeIf(k -> !seen.contains(k) && !failed.contains(k.group()));
        return new LagReport(at, took, Optional.empty(), groups);
    }

    private GroupLag group(BrokerOffsets.Group g, BrokerOffsets offsets,
                           Map<RecordPosition, RecordTimestamps.Lookup> lookups, Instant at) {
        if (g.error().isPresent()) {
            return GroupLag.failed(g.id(), g.error().get());
        }
        List<String> unreadable = g.committed().keySet().stream()
                .filter(tp -> !offsets.endOffsets().containsKey(tp)
                        || g.committed().get(tp) == OffsetSample.NONE && !offsets.startOffsets().containsKey(tp))
                .map(TopicPartition::toString).sorted().toList();
        if (!unreadable.isEmpty()) {
            return GroupLag.failed(g.id(), "cannot read the offsets of " + String.join(", ", unreadable));
        }
        List<PartitionLag> partitions = g.committed().keySet().stream()
                .sorted(Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition))
                .map(tp -> partition(g, tp, offsets, lookups, at)).toList();
        LagStatus status = partitions.stream().map(PartitionLag::status).reduce(LagStatus.OK, LagStatus::worst);
        return new GroupLag(g.id(), g.state(), g.members(), status, Optional.empty(),
                partitions.stream().mapToLong(PartitionLag::messageLag).sum(),
                partitions.stream().mapToLong(PartitionLag::messageLag).max().orElse(0),
                maxTimeLag(partitions), topics(partitions), partitions);
    }

    private PartitionLag partition(BrokerOffsets.Group g, TopicPartition tp, BrokerOffsets offsets,
                                   Map<RecordPosition, RecordTimestamps.Lookup> lookups, Instant at) {
        long committed = g.committed().get(tp);
        long end = offsets.endOffsets().get(tp);
        long next = g.nextOffset(tp, offsets.startOffsets());
        long lag = Math.max(0, end - next);
        Optional<Duration> timeLag = Optional.of(Duration.ZERO);
        if (lag > 0) {
            switch (lookups.getOrDefault(new RecordPosition(tp, next), new RecordTimestamps.Unknown())) {
                case RecordTimestamps.Found f -> timeLag = Optional.of(positive(Duration.between(f.timestamp(), at)));
                case RecordTimestamps.NothingVisible n -> lag = 0;
                case RecordTimestamps.Unknown u -> timeLag = Optional.empty();
            }
        }
        PartitionWindow window = windows.computeIfAbsent(new WindowKey(g.id(), tp),
                k -> new PartitionWindow(windowSamples));
        window.add(new OffsetSample(at, committed, lag));
        OptionalLong committedOffset = committed == OffsetSample.NONE ? OptionalLong.empty() : OptionalLong.of(committed);
        return new PartitionLag(tp.topic(), tp.partition(), committedOffset, end, lag, timeLag,
                LagStatusRules.evaluate(window, stopAfter));
    }

    private List<TopicLag> topics(List<PartitionLag> partitions) {
        Map<String, List<PartitionLag>> byTopic = partitions.stream()
                .collect(Collectors.groupingBy(PartitionLag::topic, TreeMap::new, Collectors.toList()));
        List<TopicLag> topics = new ArrayList<>();
        byTopic.forEach((topic, list) -> {
            long total = list.stream().mapToLong(PartitionLag::messageLag).sum();
            topics.add(new TopicLag(topic, list.size(), total,
                    list.stream().mapToLong(PartitionLag::messageLag).max().orElse(0),
                    (double) total / list.size(),
                    (int) list.stream().filter(p -> p.messageLag() > lagThreshold).count(), maxTimeLag(list)));
        });
        return topics;
    }

    private static Optional<Duration> maxTimeLag(List<PartitionLag> partitions) {
        return partitions.stream().flatMap(p -> p.timeLag().stream()).max(Comparator.naturalOrder());
    }

    private static Duration positive(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }
}
