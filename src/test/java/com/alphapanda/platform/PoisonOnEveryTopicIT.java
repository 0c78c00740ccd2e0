package com.alphapanda.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.alphapanda.ApiTestClient;
import com.alphapanda.core.event.Broker;
import com.alphapanda.core.event.Envelope;
import com.alphapanda.core.event.EventCodec;
import com.alphapanda.core.event.EventPayload;
import com.alphapanda.core.event.EventType;
import com.alphapanda.core.event.SampleEvents;
import com.alphapanda.core.streaming.Envelopes;
import com.alphapanda.core.topic.Topic;
import com.alphapanda.core.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.MemberDescription;
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
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A poison record on every consumed topic: every service consuming that topic dead-letters it with its metadata, it
 * is indexed and counted, and each consumer goes on with the next record at once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PoisonOnEveryTopicIT {

    /** Groups that are views or infrastructure, not processing consumers under the dead-letter policy. */
    private static final List<String> NOT_PROCESSING = List.of("alpha-panda.api-stream.", "alpha-panda.deadletter.",
            "alpha-panda.monitoring.");

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;
    @Autowired
    Admin admin;
    @LocalServerPort
    int port;

    @Test
    void everyConsumerOfEveryTopicDeadLettersPoisonAndGoesOnWithTheNextRecord() throws Exception {
        Map<String, Set<String>> groupsByTopic = awaitProcessingGroups();
        List<Topic<?>> consumed = Topics.all(List.of(Broker.PAPER)).stream()
                .filter(t -> groupsByTopic.containsKey(t.name())).toList();
        assertThat(consumed).extracting(Topic::name).contains("market.ticks", "paper.signals.raw",
                "paper.signals.validated", "paper.orders.filled", "alpha-panda.control");

        EventCodec codec = new EventCodec();
        Map<Topic<?>, RecordMetadata> validRecords = new HashMap<>();
        Map<Topic<?>, String> keys = new HashMap<>();
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (Topic<?> topic : consumed) {
                Envelope<?> valid = validEnvelope(topic);
                keys.put(topic, valid.key());
                producer.send(new ProducerRecord<>(topic.name(), valid.key(),
                        ("{\"poison\":\"" + UUID.randomUUID() + "\"}").getBytes(StandardCharsets.UTF_8))).get();
                validRecords.put(topic, producer.send(new ProducerRecord<>(topic.name(), valid.key(),
                        codec.encode(valid))).get());
            }
        }

        for (Topic<?> topic : consumed) {
            Set<String> services = new HashSet<>();
            groupsByTopic.get(topic.name()).forEach(g -> services.add(g.split("\\.")[1]));
            await().atMost(Duration.ofSeconds(60)).alias("dead letters of " + topic.name()).until(() ->
                    deadLetterServices(topic, keys.get(topic)).containsAll(services));
            RecordMetadata valid = validRecords.get(topic);
            TopicPartition partition = new TopicPartition(topic.name(), valid.partition());
            for (String group : groupsByTopic.get(topic.name())) {
                await().atMost(Duration.ofSeconds(60)).alias(group + " moved past the poison on " + topic.name())
                        .until(() -> committed(group, partition) > valid.offset());
            }
        }
        String metrics = new ApiTestClient(port).text("/actuator/prometheus");
        for (Topic<?> topic : consumed) {
            assertThat(metrics).contains("topic=\"" + topic.name() + "\"");
        }
        assertThat(metrics).contains("dlq_messages_total{");
    }

    private Map<String, Set<String>> awaitProcessingGroups() throws Exception {
        Map<String, Set<String>> byTopic = new HashMap<>();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            byTopic.clear();
            List<String> groups = admin.listConsumerGroups().all().get(10, TimeUnit.SECONDS).stream()
                    .map(ConsumerGroupListing::groupId)
                    .filter(g -> g.startsWith("alpha-panda.") && NOT_PROCESSING.stream().noneMatch(g::startsWith))
                    .toList();
            Map<String, ConsumerGroupDescription> described = admin.describeConsumerGroups(groups).all()
                    .get(10, TimeUnit.SECONDS);
            for (ConsumerGroupDescription group : described.values()) {
                for (MemberDescription member : group.members()) {
                    member.assignment().topicPartitions().forEach(tp -> byTopic
                            .computeIfAbsent(tp.topic(), t -> new HashSet<>()).add(group.groupId()));
                }
            }
            return byTopic.containsKey("paper.orders.filled") && byTopic.containsKey("paper.signals.validated")
                    && byTopic.getOrDefault("market.ticks", Set.of()).size() >= 4;
        });
        byTopic.keySet().removeIf(t -> !t.startsWith("market.") && !t.startsWith("paper.") && !t.startsWith("alpha-panda.control"));
        return byTopic;
    }

    private Set<String> deadLetterServices(Topic<?> topic, String key) {
        JsonNode page = new ApiTestClient(port).get("/api/v1/dlq?topic=" + topic.name()
                + "&reason=invalid_event&size=500");
        Set<String> services = new HashSet<>();
        page.get("items").forEach(d -> {
            if (key.equals(d.path("key").asString(null)) && d.path("attempts").asInt() == 1) {
                services.add(d.get("service").asString());
            }
        });
        return services;
    }

    private long committed(String group, TopicPartition partition) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        OffsetAndMetadata offset = offsets.get(partition);
        return offset == null ? -1 : offset.offset();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Envelope<?> validEnvelope(Topic<?> topic) {
        EventType type = switch (topic.family().getSimpleName()) {
            case "MarketEvent" -> EventType.MARKET_TICK;
            case "SignalEvent" -> EventType.TRADING_SIGNAL;
            case "RiskDecisionEvent" -> EventType.VALIDATED_SIGNAL;
            case "OrderEvent" -> topic.name().endsWith("failed") ? EventType.ORDER_FAILED
                    : topic.name().endsWith("submitted") ? EventType.ORDER_SUBMITTED : EventType.ORDER_FILLED;
            case "PnlEvent" -> EventType.PNL_SNAPSHOT;
            default -> EventType.TRADING_STATE_CHANGED;
        };
        EventPayload payload = SampleEvents.sample(type);
        return Envelopes.root((Topic) topic, payload, "poison-test");
    }

    private KafkaProducer<String, byte[]> producer() {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrapServers);
        p.put("acks", "all");
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }
}
