package com.alphapanda.core.streaming;

import com.alphapanda.core.event.EventDecodingException;
import com.alphapanda.core.topic.Topic;
import org.apache.kafka.common.TopicPartition;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultAfterRollbackProcessor;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;

/**
 * The one error-handling policy of every listener. Listeners run in Kafka transactions, so failures reach the
 * after-rollback processor: permanent failures (an invalid event, a constraint violation, a bug) go straight to
 * {@code <topic>.dlq}; anything else is retried in place with exponential back-off and then dead-lettered. The dead
 * letter is published in the listener's transaction together with the offset commit, so it is never lost nor
 * duplicated, and it carries the original key, value and headers byte-for-byte.
 */
final class StreamingErrorHandling {

    private StreamingErrorHandling() {
    }

    static DefaultAfterRollbackProcessor<Object, Object> afterRollbackProcessor(
            KafkaOperations<Object, Object> transactionalTemplate, StreamingProperties.Retry retry) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(transactionalTemplate,
                (record, exception) -> new TopicPartition(record.topic() + Topic.DEAD_LETTER_SUFFIX, record.partition()));
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(retry.maxAttempts() - 1);
        backOff.setInitialInterval(retry.initialInterval().toMillis());
        backOff.setMultiplier(retry.multiplier());
        backOff.setMaxInterval(retry.maxInterval().toMillis());
        DefaultAfterRollbackProcessor<Object, Object> processor =
                new DefaultAfterRollbackProcessor<>(recoverer, backOff, transactionalTemplate, true);
        processor.addNotRetryableExceptions(EventDecodingException.class, IllegalArgumentException.class,
                IllegalStateException.class, NullPointerException.class, DataIntegrityViolationException.class);
        return processor;
    }
}
