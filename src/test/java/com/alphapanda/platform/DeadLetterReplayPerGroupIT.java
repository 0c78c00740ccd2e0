package com.alphapanda.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.alphapanda.ApiTestClient;
import com.alphapanda.cli.AlphaPandaCommand;
import com.alphapanda.core.topic.Topics;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A poison tick read by every consumer group of {@code market.ticks} is stored once per group that failed it, and a
 * replay of one group's dead letter is processed by that group alone: the others acknowledge it unprocessed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DeadLetterReplayPerGroupIT {

    private static final String TICKS = Topics.MARKET_TICKS.name();
    private static final String STRATEGIES = "alpha-panda.strategy-runner.ticks";

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;
    @Value("${alpha-panda.instance-id}")
    String instanceId;
    @Autowired
    Admin admin;
    @LocalServerPort
    int port;
    /** The portfolio's and the paper venue's tick groups: one per instance, as every instance reads every tick. */
    String portfolioGroup;
    String paperGroup;

    @BeforeEach
    void tickGroups() {
        portfolioGroup = "alpha-panda.portfolio-manager.ticks." + instanceId;
        paperGroup = "alpha-panda.paper-trading.ticks." + instanceId;
    }

    @Test
    void replayingThePortfolioGroupsDeadLetterIsNotSeenByTheStrategyRunnerNorTheRiskManager() throws Exception {
        String risk = "alpha-panda.risk-manager.ticks." + instanceId;
        List<String> groups = List.of(portfolioGroup, STRATEGIES, paperGroup, risk);
        awaitAssigned(groups);
        String key = "poison-" + UUID.randomUUID();

        send(TICKS, key, ("{\"poison\":\"" + key + "\"}").getBytes(StandardCharsets.UTF_8));

        await().atMost(Duration.ofSeconds(60)).until(() -> groupsOf(deadLetters(key)).containsAll(groups));
        List<JsonNode> first = deadLetters(key);
        assertThat(first).as("one dead letter per failing group").hasSize(groups.size());
        assertThat(list("topic=" + TICKS + "&group=" + portfolioGroup + "&size=500")).allSatisfy(
                d -> assertThat(d.get("consumerGroup").asString()).isEqualTo(portfolioGroup));
        JsonNode portfolio = first.stream().filter(d -> d.get("consumerGroup").asString().equals(portfolioGroup))
                .findFirst().orElseThrow();
        assertThat(portfolio.get("service").asString()).isEqualTo("portfolio-manager");

        StringWriter out = new StringWriter();
        assertThat(cli(out, "dlq", "list", "--topic", TICKS, "--group", portfolioGroup)).isZero();
        assertThat(out.toString()).contains("GROUP", portfolio.get("id").asString(), portfolioGroup)
                .doesNotContain(STRATEGIES);
        out.getBuffer().setLength(0);
        assertThat(cli(out, "dlq", "replay", portfolio.get("id").asString())).isZero();
        assertThat(out.toString()).contains("replayed " + portfolio.get("id").asString() + " to " + TICKS
                + " for consumer group " + portfolioGroup + " (replay 1)");

        // the portfolio group processes the replay: the poison fails again there, linked to the first dead letter
        JsonNode again = await().atMost(Duration.ofSeconds(60)).until(() -> replaysOf(key, portfolio), r -> !r.isEmpty())
                .getFirst();
        assertThat(again.get("consumerGroup").asString()).isEqualTo(portfolioGroup);
        long replayOffset = again.get("originalOffset").asLong();
        TopicPartition partition = new TopicPartition(TICKS, again.get("originalPartition").asInt());
        // every other group moves past the replayed record without processing it (it would dead-letter it again)
        for (String group : List.of(STRATEGIES, risk, paperGroup)) {
            await().atMost(Duration.ofSeconds(60)).alias(group + " moved past the replay")
                    .until(() -> committed(group, partition) > replayOffset);
        }
        assertThat(replaysOf(key, portfolio)).as("dead letters of the replay").hasSize(1);
        assertThat(deadLetters(key).stream().filter(d -> !d.get("consumerGroup").asString().equals(portfolioGroup)))
                .as("dead letters of the groups that did not fail the replay").hasSize(groups.size() - 1);
    }

    @Test
    void theSameRecordDeadLetteredTwiceByTheSameGroupIsStoredOnce() throws Exception {
        String key = "twice-" + UUID.randomUUID();
        long originalOffset = System.nanoTime();
        for (String group : List.of(portfolioGroup, portfolioGroup, STRATEGIES)) {
            ProducerRecord<String, byte[]> dead = new ProducerRecord<>(TICKS + ".dlq", 0, key,
                    "{}".getBytes(StandardCharsets.UTF_8));
            dead.headers().add("kafka_dlt-original-topic", TICKS.getBytes(StandardCharsets.UTF_8));
            dead.headers().add("kafka_dlt-original-partition", ByteBuffer.allocate(4).putInt(0).array());
            dead.headers().add("kafka_dlt-original-offset", ByteBuffer.allocate(8).putLong(originalOffset).array());
            dead.headers().add("kafka_dlt-original-consumer-group", group.getBytes(StandardCharsets.UTF_8));
            dead.headers().add("x-failure-reason", "invalid_event".getBytes(StandardCharsets.UTF_8));
            send(dead);
        }
        String marker = key + "-after"; // indexed after the three on the same partition
        send(new ProducerRecord<>(TICKS + ".dlq", 0, marker, "{}".getBytes(StandardCharsets.UTF_8)));

        await().atMost(Duration.ofSeconds(60)).until(() -> !deadLetters(marker).isEmpty());
        assertThat(deadLetters(key)).extracting(d -> d.get("consumerGroup").asString())
                .containsExactlyInAnyOrder(portfolioGroup, STRATEGIES);
    }

    private void awaitAssigned(List<String> groups) {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            Map<String, ConsumerGroupDescription> described = admin.describeConsumerGroups(groups).all()
                    .get(10, TimeUnit.SECONDS);
            return described.values().stream().allMatch(g -> g.members().stream()
                    .anyMatch(m -> !m.assignment().topicPartitions().isEmpty()));
        });
    }

    private List<JsonNode> deadLetters(String key) {
        return list("topic=" + TICKS + "&size=500").stream()
                .filter(d -> key.equals(d.path("key").asString(null))).toList();
    }

    private List<JsonNode> replaysOf(String key, JsonNode deadLetter) {
        return deadLetters(key).stream()
                .filter(d -> deadLetter.get("id").asString().equals(d.path("replayOf").asString(null))).toList();
    }

    private static Set<String> groupsOf(List<JsonNode> deadLetters) {
        return deadLetters.stream().map(d -> d.get("consumerGroup").asString()).collect(Collectors.toSet());
    }

    private List<JsonNode> list(String query) {
        JsonNode page = new ApiTestClient(port).get("/api/v1/dlq?" + query);
        return StreamSupport.stream(page.get("items").spliterator(), false).toList();
    }

    private long committed(String group, TopicPartition partition) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        OffsetAndMetadata offset = offsets.get(partition);
        return offset == null ? -1 : offset.offset();
    }

    private int cli(StringWriter out, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--url", "http://localhost:" + port, "--token", ApiTestClient.ADMIN_TOKEN));
        StringWriter err = new StringWriter();
        int exit = AlphaPandaCommand.execute(all.toArray(String[]::new), new PrintWriter(out, true),
                new PrintWriter(err, true));
        assertThat(exit).as("exit code; stderr: " + err).isZero();
        return exit;
    }

    private RecordMetadata send(String topic, String key, byte[] value) throws Exception {
        return send(new ProducerRecord<>(topic, key, value));
    }

    private RecordMetadata send(ProducerRecord<String, byte[]> record) throws Exception {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrapServers);
        p.put("acks", "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(),
                new ByteArraySerializer())) {
            return producer.send(record).get();
        }
    }
}
