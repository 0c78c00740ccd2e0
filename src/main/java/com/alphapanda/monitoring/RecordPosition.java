package com.alphapanda.monitoring;

import org.apache.kafka.common.TopicPartition;

/** An offset in a partition: where a group's next unconsumed record is. */
record RecordPosition(TopicPartition partition, long offset) {
}
