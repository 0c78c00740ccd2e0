package com.alphapanda.monitoring;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.TopicPartition;

/**
 * Offsets of the monitored groups as read from the broker in one collection.
 *
 * @param endOffsets   last stable offset of every partition the groups consume
 * @param startOffsets log-start offset of the partitions where some group has committed nothing yet
 */
record BrokerOffsets(List<Group> groups, Map<TopicPartition, Long> endOffsets, Map<TopicPartition, Long> startOffsets) {

    BrokerOffsets {
        groups = List.copyOf(groups);
        endOffsets = Map.copyOf(endOffsets);
        startOffsets = Map.copyOf(startOffsets);
    }

    /**
     * One group: its committed offset on every partition of every topic it consumes ({@link OffsetSample#NONE} where it
     * has committed nothing), or the reason it could not be read.
     */
    record Group(String id, String state, int members, Map<TopicPartition, Long> committed, Optional<String> error) {

        Group {
            committed = Map.copyOf(committed);
        }

        static Group failed(String id, String reason) {
            return new Group(id, "UNKNOWN", 0, Map.of(), Optional.of(reason));
        }

        /** Where the group's next read starts: its committed offset, or the log start when it has none. */
        long nextOffset(TopicPartition tp, Map<TopicPartition, Long> startOffsets) {
            long c = committed.get(tp);
            return c == OffsetSample.NONE ? startOffsets.getOrDefault(tp, 0L) : c;
        }
    }
}
