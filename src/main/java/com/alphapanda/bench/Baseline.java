package com.alphapanda.bench;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.HdrHistogram.Histogram;

/**
 * The raw capability of the same broker in the same run: records of a tick's size on a topic of its own with as many
 * partitions as {@code market.ticks}, through a producer with the platform's acks and linger (not idempotent).
 * Throughput: produced as fast as the producer is acknowledged. Latency: produced at a given rate and read by a
 * read_committed consumer, one hop, timed on the bench's clock (the send time travels in the record).
 */
final class Baseline implements AutoCloseable {

    static final String TOPIC = "alpha-panda.bench.baseline";
    static final int PARTITIONS = 12;

    private final Admin admin;
    private final String bootstrap;
    private final Map<String, Object> producerProperties;
    private final int recordSize;
    private final java.io.PrintWriter progress;
    private KafkaProducer<String, byte[]> producer;

    Baseline(Admin admin, String bootstrap, Map<String, Object> producerProperties, int recordSize,
             java.io.PrintWriter progress) throws InterruptedException {
        this.admin = admin;
        this.progress = progress;
        this.bootstrap = bootstrap;
        this.recordSize = Math.max(Long.BYTES, recordSize);
        Map<String, Object> props = new java.util.HashMap<>(producerProperties);
        props.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "alpha-panda-bench-baseline");
        // acks=all and the platform's linger, without idempotence: the raw broker, not the producer's sequencing
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
        this.producerProperties = props;
        createTopic();
        awaitLeaders();
    }

    /** A new producer per measurement, so one measurement's failures never carry over to the next. */
    private KafkaProducer<String, byte[]> newProducer() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(10));
        }
        producer = new KafkaProducer<>(producerProperties, new StringSerializer(), new ByteArraySerializer());
        return producer;
    }

    /** Produces as fast as possible for {@code duration} (at most {@code maxRecords}); acknowledged records per second. */
    double throughput(Duration duration, long maxRecords) {
        AtomicLong acked = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long started = System.nanoTime();
        long deadline = started + duration.toNanos();
        byte[] value = new byte[recordSize];
        KafkaProducer<String, byte[]> producer = newProducer();
        long n = 0;
        while (n < maxRecords && System.nanoTime() < deadline) {
            producer.send(new ProducerRecord<>(TOPIC, key(n), value),
                    (meta, error) -> (error == null ? acked : failed).incrementAndGet());
            n++;
        }
        producer.flush();
        double seconds = (System.nanoTime() - started) / 1e9;
        if (failed.get() > 0) {
            progress.printf("baseline: %,d of %,d records were not acknowledged (not counted)%n", failed.get(), n);
        }
        if (acked.get() == 0) {
            throw new BenchException("baseline: none of " + n + " records was acknowledged");
        }
        return acked.get() / seconds;
    }

    /** Produces at {@code rate} records/s for {@code duration}; the produce → read_committed consume latencies. */
    LatencyStats latency(int rate, Duration duration) throws InterruptedException {
        Histogram histogram = LatencyStats.newHistogram();
        KafkaProducer<String, byte[]> producer = newProducer();
        try (KafkaConsumer<String, byte[]> consumer = BenchConsumers.atEnd(bootstrap, admin, List.of(TOPIC))) {
            AtomicLong sent = new AtomicLong();
            Thread sender = Thread.ofPlatform().name("bench-baseline-producer").daemon()
                    .start(() -> sendAtRate(producer, rate, duration, sent));
            long received = 0;
            long grace = System.nanoTime() + duration.toNanos() + Duration.ofSeconds(5).toNanos();
            while ((sender.isAlive() || received < sent.get()) && System.nanoTime() < grace) {
                received += drain(consumer, histogram, Duration.ofMillis(50));
            }
            sender.join(Duration.ofSeconds(5));
        }
        return LatencyStats.of(histogram);
    }

    private void sendAtRate(KafkaProducer<String, byte[]> producer, int rate, Duration duration, AtomicLong sent) {
        long started = System.nanoTime();
        long deadline = started + duration.toNanos();
        long n = 0;
        while (System.nanoTime() < deadline) {
            long due = (long) ((System.nanoTime() - started) / 1e9 * rate) + 1;
            for (; n < due; n++) {
                producer.send(new ProducerRecord<>(TOPIC, key(n), stamped(BenchClock.nowMicros())));
                sent.incrementAndGet();
            }
            LockSupport.parkNanos(200_000L);
        }
    }

    private static int drain(KafkaConsumer<String, byte[]> consumer, Histogram histogram, Duration wait) {
        int n = 0;
        for (ConsumerRecord<String, byte[]> r : consumer.poll(wait)) {
            long now = BenchClock.nowMicros();
            LatencyStats.record(histogram, now - ByteBuffer.wrap(r.value()).getLong());
            n++;
        }
        return n;
    }

    private byte[] stamped(long micros) {
        byte[] value = new byte[recordSize];
        ByteBuffer.wrap(value).putLong(micros);
        return value;
    }

    private static String key(long n) {
        return Long.toString(256_265L + n % 20);
    }

    private void createTopic() {
        try {
            if (!admin.listTopics().names().get(10, TimeUnit.SECONDS).contains(TOPIC)) {
                admin.createTopics(List.of(new NewTopic(TOPIC, Optional.of(PARTITIONS), Optional.empty())))
                        .all().get(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("interrupted while creating " + TOPIC);
        } catch (ExecutionException | TimeoutException e) {
            throw new BenchException("cannot create the baseline topic " + TOPIC + ": " + e);
        }
    }

    /** Right after creation a partition may still be electing its leader; sending then fails. */
    private void awaitLeaders() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                var d = admin.describeTopics(List.of(TOPIC)).allTopicNames().get(5, TimeUnit.SECONDS).get(TOPIC);
                if (d.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty())) {
                    return;
                }
            } catch (ExecutionException | TimeoutException e) {
                // not described yet: ask again
            }
            Thread.sleep(100);
        }
        throw new BenchException("the partitions of " + TOPIC + " have no leader after 60 s");
    }

    /** Closes the producer and deletes the baseline topic. */
    @Override
    public void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(10));
        }
        admin.deleteTopics(List.of(TOPIC));
    }
}
