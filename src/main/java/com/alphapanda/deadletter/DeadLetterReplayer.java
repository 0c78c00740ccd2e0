package com.alphapanda.deadletter;

import com.alphapanda.core.streaming.DeadLetterHeaders;
import com.alphapanda.core.streaming.EventHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Republishes dead letters to their original topic: the original key, value and headers, plus
 * {@code x-replay-of} (the dead letter's id), {@code x-replay-count} and {@code x-replay-target-group} (the consumer
 * group that failed it: only that group processes the replay, every other group reading the topic skips it). Consumers are idempotent by event id, fill id
 * or signal id, so replaying a record that already took effect changes nothing; a replay that fails again comes back
 * as a new dead letter linked to this one.
 */
class DeadLetterReplayer {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterReplayer.class);
    private static final long SEND_TIMEOUT_SECONDS = 30;
    private static final Set<String> REPLAY_HEADERS = Set.of(DeadLetterHeaders.REPLAY_OF,
            DeadLetterHeaders.REPLAY_COUNT, DeadLetterHeaders.REPLAY_CORRELATION_ID,
            DeadLetterHeaders.REPLAY_TARGET_GROUP);

    private final DeadLetterStore store;
    private final KafkaTemplate<Object, Object> template;
    private final DeadLetterMetrics metrics;
    private final Clock clock;

    DeadLetterReplayer(DeadLetterStore store, KafkaTemplate<Object, Object> template, DeadLetterMetrics metrics,
                       Clock clock) {
        this.store = store;
        this.template = template;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Replays one dead letter; returns it as stored after the replay. */
    DeadLetter replay(UUID id, String correlationId) {
        DeadLetter deadLetter = store.find(id).orElseThrow(() -> new DeadLetterNotFoundException(id));
        if (deadLetter.status() == DeadLetterStatus.PURGED) {
            throw new DeadLetterPurgedException(id);
        }
        publish(deadLetter, correlationId);
        store.markReplayed(id, clock.instant());
        return store.find(id).orElseThrow();
    }

    /**
     * What a bulk replay would replay (dry run) or did replay; {@code byGroup}: how many matched per consumer group
     * (the group each is replayed to; {@code -} for a dead letter that names none).
     */
    record BulkResult(boolean dryRun, int matched, int replayed, int failed, List<UUID> ids,
                      Map<String, Integer> byGroup) {
    }

    BulkResult replayAll(String topic, String group, Instant from, Instant to, String reason, boolean dryRun,
                         String correlationId) {
        List<DeadLetter> matching = store.pending(topic, group, from, to, reason);
        List<UUID> ids = matching.stream().map(DeadLetter::id).toList();
        Map<String, Integer> byGroup = new TreeMap<>();
        matching.forEach(d -> byGroup.merge(d.consumerGroup() == null ? "-" : d.consumerGroup(), 1, Integer::sum));
        if (dryRun) {
            return new BulkResult(true, matching.size(), 0, 0, ids, byGroup);
        }
        int replayed = 0;
        int failed = 0;
        for (DeadLetter deadLetter : matching) {
            try {
                publish(deadLetter, correlationId);
                store.markReplayed(deadLetter.id(), clock.instant());
                replayed++;
            } catch (ReplayFailedException e) {
                failed++;
            }
        }
        log.info("Bulk replay of {} (group {}, {} to {}, reason {}): {} replayed, {} failed, per group {}", topic,
                group == null ? "any" : group, from, to, reason, replayed, failed, byGroup);
        return new BulkResult(false, matching.size(), replayed, failed, ids, byGroup);
    }

    private void publish(DeadLetter d, String correlationId) {
        ProducerRecord<Object, Object> record = replayRecord(d, correlationId);
        try {
            template.executeInTransaction(ops -> ops.send(record)).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            metrics.replayed(d.originalTopic(), true);
            log.info("Replayed dead letter {} to {} for consumer group {} (correlation {})", d.id(),
                    d.originalTopic(), d.consumerGroup() == null ? "(any: none recorded)" : d.consumerGroup(),
                    EventHeaders.read(record.headers(), EventHeaders.CORRELATION_ID));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            metrics.replayed(d.originalTopic(), false);
            throw new ReplayFailedException(d.id(), e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            metrics.replayed(d.originalTopic(), false);
            throw new ReplayFailedException(d.id(), e);
        }
    }

    /**
     * The record a replay publishes: the original key, value and headers (the replay headers of an earlier replay
     * replaced), {@code x-replay-of}, {@code x-replay-count}, the operator request's correlation id, and the consumer
     * group that failed it as {@code x-replay-target-group} (no target when the dead letter names no group).
     */
    static ProducerRecord<Object, Object> replayRecord(DeadLetter d, String correlationId) {
        ProducerRecord<Object, Object> record = new ProducerRecord<>(d.originalTopic(), null,
                d.key() == null ? null : new String(d.key(), StandardCharsets.UTF_8), d.value());
        d.headers().stream().filter(h -> !REPLAY_HEADERS.contains(h.name()))
                .forEach(h -> record.headers().add(h.name(), h.value()));
        record.headers().add(DeadLetterHeaders.REPLAY_OF, bytes(d.id().toString()));
        record.headers().add(DeadLetterHeaders.REPLAY_COUNT, bytes(Integer.toString(d.replayCount() + 1)));
        if (correlationId != null) {
            record.headers().add(DeadLetterHeaders.REPLAY_CORRELATION_ID, bytes(correlationId));
        }
        if (d.consumerGroup() != null) {
            record.headers().add(DeadLetterHeaders.REPLAY_TARGET_GROUP, bytes(d.consumerGroup()));
        }
        return record;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
