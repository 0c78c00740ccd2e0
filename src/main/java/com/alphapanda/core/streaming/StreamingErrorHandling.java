package com.alphapanda.core.streaming;

import com.alphapanda.core.topic.Topic;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.KafkaUtils;

/**
 * The one error-handling policy of every listener, applied per record by {@link BatchProcessor}: permanent failures
 * ({@link FailureClassification}) go straight to {@code <topic>.dlq}; anything else is retried in place with
 * exponential back-off (the partition waits, so its order is kept) and then dead-lettered with reason
 * {@code max_retries_exceeded}. In a transactional listener the dead letter is published in the listener's Kafka
 * transaction together with the offsets, so it is never lost nor duplicated; it carries the original key, value and
 * headers byte-for-byte plus {@link DeadLetterHeaders}. With dead-lettering off nothing is ever skipped: a failing
 * record is retried, with back-off capped at the maximum interval, until it succeeds.
 */
final class StreamingErrorHandling {

    private static final ThreadLocal<Integer> ATTEMPTS = new ThreadLocal<>();

    private final StreamingProperties properties;
    private final Function<String, String> brokerOfTopic;
    private final Clock clock;
    private final DeadLetterPublishingRecoverer transactionalRecoverer;
    private final DeadLetterPublishingRecoverer rootRecoverer;

    StreamingErrorHandling(KafkaOperations<Object, Object> transactionalTemplate, KafkaOperations<Object, Object> root,
                           StreamingProperties properties, Function<String, String> brokerOfTopic, Clock clock) {
        this.properties = properties;
        this.brokerOfTopic = brokerOfTopic;
        this.clock = clock;
        this.transactionalRecoverer = recoverer(transactionalTemplate);
        this.rootRecoverer = recoverer(root);
    }

    /** The retry settings of the service owning a consumer group. */
    StreamingProperties.Retry retryFor(String groupId) {
        return properties.retryFor(groupId);
    }

    /** False when dead-lettering is off (then every failure is retried until it succeeds). */
    boolean deadLettering() {
        return properties.dlq().enabled();
    }

    /** True when a record that failed {@code attempts} times with {@code failure} is to be dead-lettered now. */
    boolean exhausted(String groupId, Exception failure, int attempts) {
        return deadLettering()
                && (FailureClassification.isPermanent(failure) || attempts >= retryFor(groupId).maxAttempts());
    }

    /** The wait before the next delivery of a record that failed {@code attempts} times. */
    Duration backOff(String groupId, int attempts) {
        StreamingProperties.Retry retry = retryFor(groupId);
        double millis = retry.initialInterval().toMillis() * Math.pow(retry.multiplier(), Math.max(0, attempts - 1));
        return Duration.ofMillis((long) Math.min(millis, retry.maxInterval().toMillis()));
    }

    /**
     * Publishes a record to its dead-letter topic and waits for the broker's acknowledgement: in the listener's
     * transaction when {@code transactional}, else through the idempotent root producer.
     */
    void deadLetter(ConsumerRecord<?, ?> record, Exception failure, int attempts, boolean transactional) {
        ATTEMPTS.set(attempts);
        try {
            // wrapped as the container wraps a listener's exception: the dead letter names the failure as its cause
            Exception wrapped = new ListenerExecutionFailedException("Listener failed",
                    KafkaUtils.getConsumerGroupId(), failure);
            (transactional ? transactionalRecoverer : rootRecoverer).accept(record, null, wrapped);
        } finally {
            ATTEMPTS.remove();
        }
    }

    private DeadLetterPublishingRecoverer recoverer(KafkaOperations<Object, Object> template) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
                (record, exception) -> new TopicPartition(record.topic() + Topic.DEAD_LETTER_SUFFIX, record.partition()));
        recoverer.addHeadersFunction(this::failureHeaders);
        recoverer.setLogRecoveryRecord(false);
        return recoverer;
    }

    private Headers failureHeaders(ConsumerRecord<?, ?> record, Exception exception) {
        String reason = FailureClassification.reasonOf(exception);
        Integer attempts = ATTEMPTS.get();
        RecordHeaders headers = new RecordHeaders();
        headers.add(DeadLetterHeaders.REASON, bytes(reason));
        headers.add(DeadLetterHeaders.ATTEMPTS, bytes(Integer.toString(attempts == null ? 1 : attempts)));
        headers.add(DeadLetterHeaders.DEAD_LETTERED_AT, bytes(clock.instant().toString()));
        headers.add(DeadLetterHeaders.BROKER, bytes(brokerOfTopic.apply(record.topic())));
        return headers;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
