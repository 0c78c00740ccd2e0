package com.alphapanda.monitoring.web;

import com.alphapanda.monitoring.GroupLag;
import com.alphapanda.monitoring.LagReport;
import com.alphapanda.monitoring.PartitionLag;
import com.alphapanda.monitoring.TopicLag;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** JSON of {@code GET /api/v1/monitoring/lag}: durations in seconds, absent values as null. */
record LagView(Instant collectedAt, double collectionSeconds, String error, List<Group> groups) {

    record Group(String group, String state, int members, String status, String error, long totalLag, long maxLag,
                 Double maxTimeLagSeconds, List<Topic> topics, List<Partition> partitions) {
    }

    record Topic(String topic, int partitions, long totalLag, long maxLag, double averageLag,
                 int partitionsOverThreshold, Double maxTimeLagSeconds) {
    }

    record Partition(String topic, int partition, Long committedOffset, long endOffset, long lag,
                     Double timeLagSeconds, String status) {
    }

    static LagView of(LagReport report, List<GroupLag> groups) {
        return new LagView(report.collectedAt(), seconds(report.collectionTime()), report.error().orElse(null),
                groups.stream().map(LagView::group).toList());
    }

    private static Group group(GroupLag g) {
        return new Group(g.group(), g.state(), g.members(), g.status().name(), g.error().orElse(null), g.totalLag(),
                g.maxLag(), seconds(g.maxTimeLag()), g.topics().stream().map(LagView::topic).toList(),
                g.partitions().stream().map(LagView::partition).toList());
    }

    private static Topic topic(TopicLag t) {
        return new Topic(t.topic(), t.partitions(), t.totalLag(), t.maxLag(), t.averageLag(),
                t.partitionsOverThreshold(), seconds(t.maxTimeLag()));
    }

    private static Partition partition(PartitionLag p) {
        return new Partition(p.topic(), p.partition(),
                p.committedOffset().isPresent() ? p.committedOffset().getAsLong() : null, p.endOffset(),
                p.messageLag(), seconds(p.timeLag()), p.status().name());
    }

    static Double seconds(Optional<Duration> d) {
        return d.map(LagView::seconds).orElse(null);
    }

    static double seconds(Duration d) {
        return d.toMillis() / 1000.0;
    }
}
