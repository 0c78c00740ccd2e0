package com.alphapanda.core.streaming;

import com.alphapanda.core.topic.Topic;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultAfterRollbackProcessor;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The one error-handling policy of every listener. Listeners run in Kafka transactions, so failures reach the
 * after-rollback processor: permanent failures ({@link FailureClassification}) go straight to {@code <topic>.dlq};
 * anything else is retried in place with exponential back-off (the partition's order is kept) and then dead-lettered
 * with reason {@code max_retries_exceeded}. The dead letter is published in the listener's transaction together with
 * the offset commit, so it is never lost nor duplicated, and it carries the original key, value and headers
 * byte-for-byte plus {@link DeadLetterHeaders}.
 */
final class StreamingErrorHandling {

    private final KafkaOperations<Object, Object> transactionalTemplate;
    private final StreamingProperties properties;
    private final Function<String, String> brokerOfTopic;
    private final Clock clock;
    private final Map<StreamingProperties.Retry, DefaultAfterRollbackProcessor<Object, Object>> processors =
            new ConcurrentHashMap<>();

    StreamingErrorHandling(KafkaOperations<Object, Object> transactionalTemplate, StreamingProperties properties,
                           Function<String, String> brokerOfTopic, Clock clock) {
        this.transactionalTemplate = transactionalTemplate;
        this.properties = properties;
        this.brokerOfTopic = brokerOfTopic;
        this.clock = clock;
    }

    /** The processor for a consumer group, with the retry settings of its service. */
    DefaultAfterRollbackProcessor<Object, Object> forGroup(String groupId) {
        return processors.computeIfAbsent(properties.retryFor(groupId), this::processor);
    }

    private DefaultAfterRollbackProcessor<Object, Object> processor(StreamingProperties.Retry retry) {
        if (!properties.dlq().enabled()) {
            return withoutDeadLetters(retry);
        }
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(transactionalTemplate,
                (record, exception) -> new TopicPartition(record.topic() + Topic.DEAD_LETTER_SUFFIX, record.partition()));
        recoverer.addHeadersFunction((record, exception) -> failureHeaders(record, exception, retry));
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(retry.maxAttempts() - 1);
        backOff.setInitialInterval(retry.initialInterval().toMillis());
        backOff.setMultiplier(retry.multiplier());
        backOff.setMaxInterval(retry.maxInterval().toMillis());
        DefaultAfterRollbackProcessor<Object, Object> processor =
                new DefaultAfterRollbackProcessor<>(recoverer, backOff, transactionalTemplate, true);
        processor.addNotRetryableExceptions(FailureClassification.permanentTypes());
        return processor;
    }

    /**
     * Dead-lettering is off: nothing may be skipped, so every failure is retried with back-off (capped at the maximum
     * interval) until it succeeds or an operator fixes the cause; the partition waits meanwhile.
     */
    private DefaultAfterRollbackProcessor<Object, Object> withoutDeadLetters(StreamingProperties.Retry retry) {
        ExponentialBackOff backOff = new ExponentialBackOff(retry.initialInterval().toMillis(), retry.multiplier());
        backOff.setMaxInterval(retry.maxInterval().toMillis());
        DefaultAfterRollbackProcessor<Object, Object> processor = new DefaultAfterRollbackProcessor<>(
                (record, exception) -> {
                    throw new IllegalStateException("dead-lettering is off: " + record.topic() + "-"
                            + record.partition() + "@" + record.offset() + " is retried until it can be processed",
                            exception);
                }, backOff, transactionalTemplate, false);
        processor.setClassifications(Map.of(), true); // every failure is retried, with back-off
        return processor;
    }

    private Headers failureHeaders(ConsumerRecord<?, ?> record, Exception exception, StreamingProperties.Retry retry) {
        String reason = FailureClassification.reasonOf(exception);
        int attempts = FailureClassification.isPermanent(exception) ? 1 : retry.maxAttempts();
        RecordHeaders headers = new RecordHeaders();
        headers.add(DeadLetterHeaders.REASON, bytes(reason));
        headers.add(DeadLetterHeaders.ATTEMPTS, bytes(Integer.toString(attempts)));
        headers.add(DeadLetterHeaders.DEAD_LETTERED_AT, bytes(clock.instant().toString()));
        headers.add(DeadLetterHeaders.BROKER, bytes(brokerOfTopic.apply(record.topic())));
        return headers;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
