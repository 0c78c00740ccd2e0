package com.alphapanda.core.streaming;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.AfterRollbackProcessor;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * After a batch's Kafka transaction rolled back (the batch failed as a whole, or Kafka itself failed), seeks every
 * partition of the batch back to its first record and waits {@code pause} before the next poll. Nothing is recovered
 * here: per-record failures are handled, retried and dead-lettered by {@link BatchProcessor}.
 */
final class SeekBackAfterRollback implements AfterRollbackProcessor<Object, Object> {

    private static final Logger log = LoggerFactory.getLogger(SeekBackAfterRollback.class);

    private final Duration pause;

    SeekBackAfterRollback(Duration pause) {
        this.pause = pause;
    }

    @Override
    public void process(List<ConsumerRecord<Object, Object>> records, Consumer<Object, Object> consumer,
                        MessageListenerContainer container, Exception exception, boolean recoverable,
                        ContainerProperties.EOSMode eosMode) {
        Map<TopicPartition, Long> first = new HashMap<>();
        for (ConsumerRecord<Object, Object> record : records) {
            first.merge(new TopicPartition(record.topic(), record.partition()), record.offset(), Math::min);
        }
        first.forEach(consumer::seek);
        log.warn("Transaction of {} records rolled back ({}); redelivered after {} ms", records.size(),
                exception.toString(), pause.toMillis());
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
