package com.alphapanda.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The multi-instance harness's Kafka: three KRaft nodes, topics replicated three times with min ISR 2, so committed
 * transactions go on and nothing acknowledged is lost while one node is down, and the node rejoins on its data.
 */
class KafkaClusterIT {

    @TempDir
    Path dir;

    @Test
    void transactionsCommitAndNothingIsLostWhileOneOfTheThreeNodesIsDown() throws Exception {
        try (KafkaCluster kafka = KafkaCluster.start(dir, 3);
             Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic("cluster.test", 3, (short) 3))).all().get();
            var topic = admin.describeTopics(List.of("cluster.test")).allTopicNames().get().get("cluster.test");
            assertThat(topic.partitions()).allSatisfy(p -> assertThat(p.replicas()).hasSize(3));
            assertThat(admin.describeConfigs(List.of(new org.apache.kafka.common.config.ConfigResource(
                    org.apache.kafka.common.config.ConfigResource.Type.TOPIC, "cluster.test"))).all().get()
                    .values().iterator().next().get("min.insync.replicas").value()).isEqualTo("2");

            List<String> sent = new ArrayList<>(produce(kafka, "before", 50));
            kafka.stopNode(3);
            sent.addAll(produce(kafka, "while-down", 50));
            kafka.startNode(3);
            sent.addAll(produce(kafka, "after", 50));

            assertThat(consumeAll(kafka, sent.size())).containsExactlyInAnyOrderElementsOf(sent);
        }
    }

    private static List<String> produce(KafkaCluster kafka, String phase, int count) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "cluster-test-" + UUID.randomUUID());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000);
        List<String> values = new ArrayList<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(),
                new StringSerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            for (int i = 0; i < count; i++) {
                String value = phase + "-" + i;
                producer.send(new ProducerRecord<>("cluster.test", Integer.toString(i), value));
                values.add(value);
            }
            producer.commitTransaction();
        }
        return values;
    }

    private static List<String> consumeAll(KafkaCluster kafka, int expected) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "cluster-test-reader");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of("cluster.test"));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (values.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> values.add(r.value()));
            }
        }
        return values;
    }
}
