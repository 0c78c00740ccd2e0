package com.alphapanda.marketfeed;

import com.alphapanda.core.event.Envelope;
import com.alphapanda.core.event.EventType;
import com.alphapanda.core.event.MarketEvent;
import com.alphapanda.core.event.MarketTick;
import com.alphapanda.core.id.EventId;
import com.alphapanda.core.topic.Topic;
import com.alphapanda.core.topic.Topics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsOptions;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * Publishes a replay's ticks and records how far it got, atomically: each batch of ticks is one Kafka transaction
 * (transactional id {@code <instance-id>-feed-0}) that also commits, for the consumer group {@value #GROUP}, the
 * feed's end offset of every {@code market.ticks} partition with the metadata {@code replay <file sha-256> <next>}:
 * the file's identity and the index of its next unpublished tick. Ticks and progress therefore commit together or not
 * at all. After a restart {@link #resumeAt()} first fences the killed run's producer (its open transaction is aborted)
 * and then reads the stable committed metadata: the same file continues at its next unpublished tick, any other file
 * starts from the beginning. Each tick's event id is derived from (file identity, index), so a consumer can recognise
 * the same tick of the same file. The group id is outside the {@code alpha-panda.} prefix on purpose: it has no
 * consumers, and lag monitoring must not watch it.
 */
final class ReplayLedger implements AutoCloseable {

    static final String GROUP = "market-feed.replay-progress";
    private static final Topic<MarketEvent> TOPIC = Topics.MARKET_TICKS;
    private static final String PREFIX = "replay ";

    private final DefaultKafkaProducerFactory<Object, Object> factory;
    private final KafkaTemplate<Object, Object> template;
    private final Admin admin;
    private final String file;
    private final Map<TopicPartition, Long> ends = new HashMap<>();

    /** @param factory a transactional producer factory owned by this ledger (closed with it) */
    ReplayLedger(DefaultKafkaProducerFactory<Object, Object> factory, Admin admin, String fileIdentity) {
        if (!factory.transactionCapable()) {
            throw new IllegalArgumentException("the replay ledger needs a transactional producer factory");
        }
        this.factory = factory;
        this.template = new KafkaTemplate<>(factory);
        this.admin = admin;
        this.file = fileIdentity;
    }

    /**
     * The index of the first tick of this file not published yet: 0 for a file other than the last one replayed.
     * Fences a previous run of this instance first, so a transaction it left open is aborted, not waited for.
     */
    long resumeAt() throws InterruptedException {
        factory.createProducer().close(); // initTransactions: fences the previous producer, aborts its transaction
        Map<TopicPartition, OffsetAndMetadata> committed;
        try {
            committed = admin.listConsumerGroupOffsets(GROUP, new ListConsumerGroupOffsetsOptions().requireStable(true))
                    .partitionsToOffsetAndMetadata().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read the replay progress: " + e.getCause().getMessage(), e);
        }
        long next = 0;
        for (var entry : committed.entrySet()) {
            if (entry.getValue() != null) {
                ends.put(entry.getKey(), entry.getValue().offset());
                next = Math.max(next, nextOf(entry.getValue().metadata(), file));
            }
        }
        return next;
    }

    /** The next index recorded in a progress entry's metadata if it is of {@code file}, else 0. */
    static long nextOf(String metadata, String file) {
        if (metadata == null || !metadata.startsWith(PREFIX)) {
            return 0;
        }
        String[] parts = metadata.split(" ");
        if (parts.length != 3 || !parts[1].equals(file)) {
            return 0;
        }
        try {
            return Math.max(0, Long.parseLong(parts[2]));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Publishes the ticks (consecutive indexes of this file, in order) and their progress in one transaction. */
    void publish(List<TickHandOff.Pending> batch) {
        template.executeInTransaction(t -> {
            List<CompletableFuture<SendResult<Object, Object>>> sent = new ArrayList<>(batch.size());
            for (TickHandOff.Pending p : batch) {
                Envelope<MarketTick> envelope = envelope(file, p.tick(), p.sequence());
                sent.add(t.send(new ProducerRecord<>(TOPIC.name(), envelope.key(), envelope)));
            }
            t.flush();
            sent.forEach(f -> {
                var metadata = f.join().getRecordMetadata();
                ends.merge(new TopicPartition(metadata.topic(), metadata.partition()), metadata.offset() + 1,
                        Math::max);
            });
            t.sendOffsetsToTransaction(progress(batch.getLast().sequence() + 1, t.partitionsFor(TOPIC.name())),
                    new ConsumerGroupMetadata(GROUP));
            return null;
        });
    }

    private Map<TopicPartition, OffsetAndMetadata> progress(long next, List<PartitionInfo> partitions) {
        String metadata = PREFIX + file + " " + next;
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (PartitionInfo p : partitions) {
            TopicPartition tp = new TopicPartition(p.topic(), p.partition());
            offsets.put(tp, new OffsetAndMetadata(ends.getOrDefault(tp, 0L), metadata));
        }
        return offsets;
    }

    /** A root envelope whose id is derived from (file, index): the same tick of the same file, the same id. */
    static Envelope<MarketTick> envelope(String file, MarketTick tick, long index) {
        EventId id = tickId(file, index, tick.timestamp().toEpochMilli());
        return new Envelope<>(id, EventType.of(tick), id.asString(), null, tick.eventTime(), TickHandOff.SOURCE,
                TOPIC.namespace(), tick.partitionKey(), Envelope.CURRENT_VERSION, tick);
    }

    /** A UUID in the version-7 layout: the tick's event time in milliseconds, then 74 bits of SHA-256(file, index). */
    static EventId tickId(String file, long index, long epochMillis) {
        ByteBuffer hash = ByteBuffer.wrap(sha256((file + "#" + index).getBytes(StandardCharsets.UTF_8)));
        long high = (epochMillis << 16) | 0x7000L | (hash.getShort() & 0x0FFFL);
        long low = (hash.getLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new EventId(new UUID(high, low));
    }

    /** The identity of a replay file: the hex SHA-256 of its bytes. */
    static String identity(byte[] content) {
        return java.util.HexFormat.of().formatHex(sha256(content));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    @Override
    public void close() {
        factory.destroy();
    }
}
