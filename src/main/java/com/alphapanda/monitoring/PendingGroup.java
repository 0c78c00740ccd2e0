package com.alphapanda.monitoring;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.TopicPartition;

/**
 * A group as first read (committed offsets and current assignment), before its topics' partition counts are known.
 *
 * @param error why the group could not be read; null when it could
 */
record PendingGroup(String id, String state, int members, Map<TopicPartition, Long> committed,
                    Set<TopicPartition> assigned, String error) {

    static PendingGroup failed(String id, String reason) {
        return new PendingGroup(id, "UNKNOWN", 0, Map.of(), Set.of(), reason);
    }

    /** The topics the group consumes: those it has committed on or is assigned. */
    Set<String> topics() {
        Set<String> topics = new TreeSet<>();
        committed.keySet().forEach(tp -> topics.add(tp.topic()));
        assigned.forEach(tp -> topics.add(tp.topic()));
        return topics;
    }

    /**
     * Every partition of every topic the group consumes, with its committed offset or {@link OffsetSample#NONE}: a
     * partition without a commit still lags by its whole log.
     */
    BrokerOffsets.Group complete(Map<String, Optional<Integer>> partitionCounts) {
        if (error != null) {
            return BrokerOffsets.Group.failed(id, error);
        }
        List<String> missing = topics().stream()
                .filter(t -> partitionCounts.getOrDefault(t, Optional.empty()).isEmpty()).toList();
        if (!missing.isEmpty()) {
            return BrokerOffsets.Group.failed(id, "cannot describe topic(s) " + String.join(", ", missing)
                    + " (deleted or unreachable)");
        }
        Map<TopicPartition, Long> all = new HashMap<>();
        for (String topic : topics()) {
            int count = partitionCounts.get(topic).orElseThrow();
            for (int p = 0; p < count; p++) {
                TopicPartition tp = new TopicPartition(topic, p);
                all.put(tp, committed.getOrDefault(tp, OffsetSample.NONE));
            }
        }
        return new BrokerOffsets.Group(id, state, members, all, Optional.empty());
    }
}
