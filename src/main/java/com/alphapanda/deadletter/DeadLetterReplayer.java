package com.alphapanda.deadletter;

import com.alphapanda.core.streaming.DeadLetterHeaders;
import com.alphapanda.core.streaming.EventHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
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
 * {@code x-replay-of} (the dead letter's id) and {@code x-replay-count}. Consumers are idempotent by event id, fill id
 * or signal id, so replaying a record that already took effect changes nothing; a replay that fails again comes back
 * as a new dead letter linked to this one.
 */
class DeadLetterReplayer {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterReplayer.class);
    private static final long SEND_TIMEOUT_SECONDS = 30;

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

    /** What a bulk replay would replay (dry run) or did replay. */
    record BulkResult(boolean dryRun, int matched, int replayed, int failed, List<UUID> ids) {
    }

    BulkResult replayAll(String topic, Instant from, Instant to, String reason, boolean dryRun, String correlationId) {
        List<DeadLetter> matching = store.pending(topic, from, to, reason);
        List<UUID> ids = matching.stream().map(DeadLetter::id).toList();
        if (dryRun) {
            return new BulkResult(true, matching.size(), 0, 0, ids);
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
        log.info("Bulk replay of {} ({} to {}, reason {}): {} replayed, {} failed", topic, from, to, reason,
                replayed, failed);
        return new BulkResult(false, matching.size(), replayed, failed, ids);
    }

    private void publish(DeadLetter d, String correlationId) {
        ProducerRecord<Object, Object> record = new ProducerRecord<>(d.originalTopic(), null,
                d.key() == null ? null : new String(d.key(), StandardCharsets.UTF_8), d.value());
        d.headers().stream()
                .filter(h -> !h.name().equals(DeadLetterHeaders.REPLAY_OF) && !h.name().equals(DeadLetterHeaders.REPLAY_COUNT))
                .forEach(h -> record.headers().add(h.name(), h.value()));
        record.headers().add(DeadLetterHeaders.REPLAY_OF, bytes(d.id().toString()));
        record.headers().add(DeadLetterHeaders.REPLAY_COUNT, bytes(Integer.toString(d.replayCount() + 1)));
        if (correlationId != null) {
            record.headers().add(DeadLetterHeaders.REPLAY_CORRELATION_ID, bytes(correlationId));
        }
        try {
            template.executeInTransaction(ops -> ops.send(record)).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            metrics.replayed(d.originalTopic(), true);
            log.info("Replayed dead letter {} to {} (correlation {})", d.id(), d.originalTopic(),
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

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
