package com.alphapanda.core.streaming;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A replayed dead letter is meant for the consumer group that failed it ({@link DeadLetterHeaders#REPLAY_TARGET_GROUP}):
 * every other group that reads the original topic skips it, so a replay re-feeds nobody who already processed the
 * record. A record without the header (every ordinary record) is for every group.
 */
final class ReplayTarget {

    private ReplayTarget() {
    }

    /** True when {@code record} is a replay targeted at a group other than {@code group}. */
    static boolean forAnotherGroup(ConsumerRecord<?, ?> record, String group) {
        String target = EventHeaders.read(record.headers(), DeadLetterHeaders.REPLAY_TARGET_GROUP);
        return target != null && !target.equals(group);
    }
}
