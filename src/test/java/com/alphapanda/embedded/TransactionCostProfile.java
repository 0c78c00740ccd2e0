package com.alphapanda.embedded;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Where the time of one Kafka transaction goes on the embedded broker: a transactional producer loops
 * begin → send N records → sendOffsetsToTransaction → commit, under several client settings, and prints the median
 * and p99 wall time per transaction. Run (from the project directory, after {@code dependency:build-classpath}):
 * {@code java -cp target/test-classes:target/classes:$(cat target/cp.txt) com.alphapanda.embedded.TransactionCostProfile}
 */
public final class TransactionCostProfile {

    private static final int TRANSACTIONS = 200;

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("tx-profile");
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir, 0, TransactionCostProfile.class.getClassLoader());
             Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic("out", 3, (short) 1), new NewTopic("in", 3, (short) 1)))
                    .all().get();
            System.out.println("features: " + admin.describeFeatures().featureMetadata().get().finalizedFeatures());
            run(kafka, "defaults (linger.ms 5, retry.backoff.ms 100), 1 record + offsets", Map.of(), 1, true);
            run(kafka, "linger.ms 0, 1 record + offsets", Map.of("linger.ms", "0"), 1, true);
            run(kafka, "1 record, no offsets", Map.of(), 1, false);
            run(kafka, "retry.backoff.ms 10, 1 record + offsets", Map.of("retry.backoff.ms", "10"), 1, true);
            run(kafka, "linger.ms 0 + retry.backoff.ms 10, 1 record + offsets",
                    Map.of("linger.ms", "0", "retry.backoff.ms", "10"), 1, true);
            run(kafka, "retry.backoff.ms 5, 1 record + offsets", Map.of("retry.backoff.ms", "5"), 1, true);
            run(kafka, "retry.backoff.ms 2, 1 record + offsets", Map.of("retry.backoff.ms", "2"), 1, true);
            run(kafka, "defaults, 500 records + offsets", Map.of(), 500, true);
            run(kafka, "retry.backoff.ms 5, 500 records + offsets", Map.of("retry.backoff.ms", "5"), 500, true);
        }
    }

    private static void run(EmbeddedKafka kafka, String name, Map<String, String> overrides, int records,
                            boolean offsets) {
        Properties p = new Properties();
        p.put("bootstrap.servers", kafka.bootstrapServers());
        p.put("transactional.id", "profile-" + name.hashCode());
        p.put("key.serializer", ByteArraySerializer.class.getName());
        p.put("value.serializer", ByteArraySerializer.class.getName());
        p.putAll(overrides);
        byte[] value = new byte[400];
        List<Long> micros = new ArrayList<>();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p)) {
            producer.initTransactions();
            for (int i = 0; i < TRANSACTIONS + 20; i++) {
                long start = System.nanoTime();
                producer.beginTransaction();
                for (int r = 0; r < records; r++) {
                    producer.send(new ProducerRecord<>("out", r % 3, null, value));
                }
                if (offsets) {
                    producer.sendOffsetsToTransaction(Map.of(new TopicPartition("in", 0), new OffsetAndMetadata(i)),
                            new ConsumerGroupMetadata("profile-group"));
                }
                producer.commitTransaction();
                if (i >= 20) {
                    micros.add((System.nanoTime() - start) / 1000);
                }
            }
        }
        Collections.sort(micros);
        System.out.printf("%-60s median %6.2f ms  p99 %6.2f ms%n", name, micros.get(micros.size() / 2) / 1000.0,
                micros.get(micros.size() * 99 / 100) / 1000.0);
    }
}
