package com.alphapanda.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The bench's own Kafka clients: read_committed consumers without a consumer group (they assign partitions, so they
 * never show up in the lag of the platform's groups), reading from the end of their topics.
 */
final class BenchConsumers {

    /** How long the broker holds a fetch waiting for data: bounds the bench's view of "visible". */
    static final int FETCH_MAX_WAIT_MS = 5;

    private BenchConsumers() {
    }

    static KafkaConsumer<String, byte[]> atEnd(String bootstrap, Admin admin, Collection<String> topics) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "alpha-panda-bench");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, String.valueOf(FETCH_MAX_WAIT_MS));
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = partitions(admin, topics);
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        return consumer;
    }

    static List<TopicPartition> partitions(Admin admin, Collection<String> topics) {
        List<TopicPartition> partitions = new ArrayList<>();
        try {
            admin.describeTopics(topics).allTopicNames().get().forEach((name, description) ->
                    description.partitions().forEach(p -> partitions.add(new TopicPartition(name, p.partition()))));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("interrupted while describing " + topics);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new BenchException("cannot describe topics " + topics + ": " + e.getCause().getMessage());
        }
        return partitions;
    }
}
