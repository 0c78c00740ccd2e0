package com.alphapanda.deadletter;

import com.alphapanda.core.id.EventId;
import com.alphapanda.core.streaming.DeadLetterHeaders;
import com.alphapanda.core.streaming.EventHeaders;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Reads a record of a dead-letter topic into a {@link DeadLetter}: the original headers are separated from the
 * failure headers. Never throws: a dead letter written by another tool, without failure headers, is still indexed
 * (reason {@code unknown}), because the indexer must never skip a record.
 */
final class DeadLetterParser {

    static final String ORIGINAL_TOPIC = "kafka_dlt-original-topic";
    static final String ORIGINAL_PARTITION = "kafka_dlt-original-partition";
    static final String ORIGINAL_OFFSET = "kafka_dlt-original-offset";
    static final String ORIGINAL_TIMESTAMP = "kafka_dlt-original-timestamp";
    static final String ORIGINAL_GROUP = "kafka_dlt-original-consumer-group";
    static final String EXCEPTION_CLASS = "kafka_dlt-exception-fqcn";
    static final String EXCEPTION_CAUSE_CLASS = "kafka_dlt-exception-cause-fqcn";
    static final String EXCEPTION_MESSAGE = "kafka_dlt-exception-message";
    private static final Set<String> FAILURE_HEADERS = Set.of(DeadLetterHeaders.REASON, DeadLetterHeaders.ATTEMPTS,
            DeadLetterHeaders.DEAD_LETTERED_AT, DeadLetterHeaders.BROKER);
    private static final String GROUP_PREFIX = "alpha-panda.";

    private final Function<String, String> originalTopicOfDeadLetterTopic;

    /** @param originalTopicOfDeadLetterTopic the catalogue lookup used when a record lacks its original-topic header */
    DeadLetterParser(Function<String, String> originalTopicOfDeadLetterTopic) {
        this.originalTopicOfDeadLetterTopic = originalTopicOfDeadLetterTopic;
    }

    DeadLetter parse(ConsumerRecord<byte[], byte[]> record) {
        Headers h = record.headers();
        String group = text(h, ORIGINAL_GROUP);
        String causeClass = text(h, EXCEPTION_CAUSE_CLASS);
        return new DeadLetter(EventId.next().value(), record.topic(), record.partition(), record.offset(),
                orElse(text(h, ORIGINAL_TOPIC), originalTopicOfDeadLetterTopic.apply(record.topic())),
                integer(h, ORIGINAL_PARTITION), longValue(h, ORIGINAL_OFFSET), instantOfMillis(h, ORIGINAL_TIMESTAMP),
                record.key(), record.value(), originalHeaders(h),
                truncate(orElse(text(h, DeadLetterHeaders.REASON), "unknown"), 50),
                truncate(causeClass != null ? causeClass : text(h, EXCEPTION_CLASS), 500),
                text(h, EXCEPTION_MESSAGE), serviceOf(group), group, text(h, DeadLetterHeaders.BROKER),
                truncate(text(h, EventHeaders.CORRELATION_ID), 100), attempts(h),
                deadLetteredAt(h, record.timestamp()), DeadLetterStatus.PENDING, 0, null, replayOf(h));
    }

    /** {@code alpha-panda.<service>.<purpose>} → service; other groups are named as they are. */
    static String serviceOf(String group) {
        if (group == null) {
            return null;
        }
        if (group.startsWith(GROUP_PREFIX)) {
            String rest = group.substring(GROUP_PREFIX.length());
            int dot = rest.indexOf('.');
            return truncate(dot < 0 ? rest : rest.substring(0, dot), 100);
        }
        return truncate(group, 100);
    }

    private static List<DeadLetter.Header> originalHeaders(Headers headers) {
        List<DeadLetter.Header> kept = new ArrayList<>();
        for (Header header : headers) {
            if (!header.key().startsWith("kafka_dlt-") && !FAILURE_HEADERS.contains(header.key())) {
                kept.add(new DeadLetter.Header(header.key(), header.value()));
            }
        }
        return kept;
    }

    private static int attempts(Headers h) {
        String value = text(h, DeadLetterHeaders.ATTEMPTS);
        try {
            return value == null ? 1 : Math.max(1, Integer.parseInt(value));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static Instant deadLetteredAt(Headers h, long recordTimestamp) {
        String value = text(h, DeadLetterHeaders.DEAD_LETTERED_AT);
        try {
            return value != null ? Instant.parse(value) : Instant.ofEpochMilli(recordTimestamp);
        } catch (DateTimeParseException e) {
            return Instant.ofEpochMilli(recordTimestamp);
        }
    }

    private static UUID replayOf(Headers h) {
        String value = text(h, DeadLetterHeaders.REPLAY_OF);
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String text(Headers h, String name) {
        Header header = h.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Integer integer(Headers h, String name) {
        Header header = h.lastHeader(name);
        return header != null && header.value() != null && header.value().length == Integer.BYTES
                ? ByteBuffer.wrap(header.value()).getInt() : null;
    }

    private static Long longValue(Headers h, String name) {
        Header header = h.lastHeader(name);
        return header != null && header.value() != null && header.value().length == Long.BYTES
                ? ByteBuffer.wrap(header.value()).getLong() : null;
    }

    private static Instant instantOfMillis(Headers h, String name) {
        Long millis = longValue(h, name);
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }

    private static String orElse(String value, String fallback) {
        return value != null ? value : fallback;
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
