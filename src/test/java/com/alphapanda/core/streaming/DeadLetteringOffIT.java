package com.alphapanda.core.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.alphapanda.core.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;

/** With dead-lettering off, nothing is skipped: a record that cannot be processed holds its partition. */
@SpringBootTest(properties = "alpha-panda.streaming.dlq.enabled=false")
@Import(ControllableControlListener.class)
@DirtiesContext
class DeadLetteringOffIT {

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Autowired
    Admin admin;

    @Test
    void noDeadLetterTopicsExistAndAPoisonRecordIsRetriedInsteadOfSkipped() throws Exception {
        assertThat(admin.listTopics().names().get(10, TimeUnit.SECONDS))
                .contains(Topics.CONTROL.name()).doesNotContain(Topics.CONTROL.deadLetterName());

        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrapServers);
        RecordMetadata poison;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(),
                new ByteArraySerializer())) {
            poison = producer.send(new ProducerRecord<>(Topics.CONTROL.name(), "paper",
                    "{not an event".getBytes(StandardCharsets.UTF_8))).get();
        }
        TopicPartition partition = new TopicPartition(poison.topic(), poison.partition());
        String group = "alpha-panda.streaming-it.control";
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get().containsKey(partition)
                || admin.describeConsumerGroups(java.util.List.of(group)).all().get().get(group).members().size() > 0);
        Thread.sleep(5_000); // many retries happen meanwhile
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        OffsetAndMetadata committed = offsets.get(partition);
        assertThat(committed == null || committed.offset() <= poison.offset())
                .as("the poison record was not skipped: committed %s, poison at %d", committed, poison.offset())
                .isTrue();
    }
}
