package com.alphapanda.monitoring;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Topics, records and consumer groups on the embedded broker, for the monitoring tests and the benchmark. */
record KafkaFixture(Admin admin, String bootstrapServers) {

    String topic(String name, int partitions) throws Exception {
        String topic = name + "-" + System.nanoTime();
        admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
        return topic;
    }

    /** Produces {@code count} records to one partition, timestamped from {@code first} one millisecond apart. */
    void produce(String topic, int partition, int count, Instant first) {
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (int i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>(topic, partition, first.toEpochMilli() + i, "k" + i, new byte[16]));
            }
            producer.flush();
        }
    }

    /**
     * Commits offsets for a group that has no running consumer (it becomes or stays an EMPTY group). A topic created
     * a moment ago can still be unknown to the group coordinator (its metadata arrives asynchronously), so an
     * unknown-partition refusal is retried for a few seconds.
     */
    void commit(String group, String topic, long... offsets) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> commits = IntStream.range(0, offsets.length).boxed()
                .collect(Collectors.toMap(p -> new TopicPartition(topic, p), p -> new OffsetAndMetadata(offsets[p])));
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (true) {
            try {
                admin.alterConsumerGroupOffsets(group, commits).all().get(30, TimeUnit.SECONDS);
                return;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    /** Runs a consumer of the group until it has consumed and committed {@code total} records, then leaves. */
    void consumeAll(String group, String topic, int total) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            int seen = 0;
            while (seen < total && System.nanoTime() < deadline) {
                seen += consumer.poll(Duration.ofMillis(200)).count();
                consumer.commitSync();
            }
        }
    }

    private KafkaProducer<String, byte[]> producer() {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrapServers);
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }
}
