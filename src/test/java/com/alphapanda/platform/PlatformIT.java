package com.alphapanda.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.alphapanda.ApiTestClient;
import com.alphapanda.core.event.Broker;
import com.alphapanda.core.event.Envelope;
import com.alphapanda.core.event.EventPayload;
import com.alphapanda.core.event.MarketTick;
import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.core.money.Price;
import com.alphapanda.core.event.EventCodec;
import com.alphapanda.core.streaming.EventHeaders;
import com.alphapanda.core.streaming.EventPublisher;
import com.alphapanda.core.streaming.Envelopes;
import com.alphapanda.core.topic.TopicDeclaration;
import com.alphapanda.core.topic.TopicProvisioner;
import com.alphapanda.core.topic.Topics;
import com.alphapanda.embedded.EmbeddedServers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "alpha-panda.brokers=paper,zerodha")
class PlatformIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Autowired
    EventPublisher publisher;

    @Autowired
    Admin admin;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TopicProvisioner provisioner;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    EmbeddedServers embeddedServers;

    @Test
    void startsAllThreeEmbeddedServersAndReportsHealthUpWithEachComponent() throws Exception {
        assertThat(embeddedServers.names()).containsExactlyInAnyOrder("kafka", "postgres", "redis");

        JsonNode health = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> getJson("/actuator/health"),
                        h -> "UP".equals(h.at("/components/listeners/status").asString(null)));
        assertThat(health.get("components").get("listeners").get("status").asString())
                .as("every listener container holds its partitions").isEqualTo("UP");
        // zerodha is enabled here with no Kite session: its components are DOWN (docs/zerodha.md), and so the whole
        // health is; readiness is UP (paper trades)
        assertThat(health.at("/components/zerodha/components/session/status").asString()).isEqualTo("DOWN");
        assertThat(health.get("status").asString()).isEqualTo("DOWN");
        assertThat(health.get("components").get("kafka").get("status").asString()).isEqualTo("UP");
        assertThat(health.get("components").get("db").get("status").asString()).isEqualTo("UP");
        assertThat(health.get("components").get("redis").get("status").asString()).isEqualTo("UP");
        assertThat(getJson("/actuator/health/readiness").get("status").asString()).isEqualTo("UP");
        assertThat(getJson("/actuator/health/liveness").get("status").asString()).isEqualTo("UP");
    }

    @Test
    void publishesAndConsumesAnEventThroughARealTopicWithCorrelationHeaders() {
        MarketTick tick = MarketTick.ltp(InstrumentToken.of(408065), Price.of("1510.25"),
                Instant.parse("2026-11-26T05:00:00Z"));
        Envelope<MarketTick> sent = Envelopes.root(Topics.MARKET_TICKS, tick, "platform-test");
        publisher.publish(Topics.MARKET_TICKS, sent).join();

        EventCodec codec = new EventCodec();
        List<ConsumerRecord<String, byte[]>> received = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            consumer.subscribe(List.of(Topics.MARKET_TICKS.name()));
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(received::add);
                return received.stream().anyMatch(r -> codec.decode(r.value()).id().equals(sent.id()));
            });
        }
        ConsumerRecord<String, byte[]> record = received.stream()
                .filter(r -> codec.decode(r.value()).id().equals(sent.id())).findFirst().orElseThrow();
        Envelope<EventPayload> decoded = codec.decode(record.value());
        assertThat(record.key()).isEqualTo("408065");
        assertThat(decoded).isEqualTo(sent);
        assertThat(decoded.broker()).isEqualTo("shared");
        assertThat(EventHeaders.read(record.headers(), EventHeaders.CORRELATION_ID)).isEqualTo(sent.correlationId());
        assertThat(EventHeaders.read(record.headers(), EventHeaders.EVENT_TYPE)).isEqualTo("market_tick");
    }

    @Test
    void createsEveryCatalogueTopicWithItsDeadLetterTopicAndPartitionCount() throws Exception {
        List<TopicDeclaration> expected = TopicDeclaration.of(Topics.all(List.of(Broker.PAPER, Broker.ZERODHA)),
                Duration.ofDays(7));
        Map<String, TopicDescription> actual = admin.describeTopics(
                expected.stream().map(TopicDeclaration::name).toList()).allTopicNames().get(30, TimeUnit.SECONDS);
        for (TopicDeclaration d : expected) {
            assertThat(actual.get(d.name()).partitions()).as(d.name()).hasSize(d.partitions());
        }
        assertThat(actual).containsKeys("market.ticks.dlq", "paper.signals.raw.dlq", "zerodha.orders.filled.dlq");
        assertThat(actual.get("market.ticks").partitions()).hasSize(12);
    }

    @Test
    void provisioningIsIdempotentAndReportsAnUnderPartitionedTopicWithoutTouchingIt() throws Exception {
        admin.createTopics(List.of(new NewTopic("platform-it.narrow", 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> admin.listTopics().names().get().contains("platform-it.narrow"));
        List<TopicDeclaration> wanted = List.of(new TopicDeclaration("platform-it.narrow", 3, Duration.ofHours(1)),
                new TopicDeclaration("platform-it.fresh", 2, Duration.ofHours(1)));

        TopicProvisioner.Report first = provisioner.provision(wanted);
        TopicProvisioner.Report second = provisioner.provision(wanted);

        assertThat(first.created()).containsExactly("platform-it.fresh");
        assertThat(first.underPartitioned()).containsExactly(
                new TopicProvisioner.UnderPartitioned("platform-it.narrow", 1, 3));
        assertThat(second.created()).isEmpty();
        assertThat(second.existing()).containsExactlyInAnyOrder("platform-it.narrow", "platform-it.fresh");
        assertThat(admin.describeTopics(List.of("platform-it.narrow")).allTopicNames().get(30, TimeUnit.SECONDS)
                .get("platform-it.narrow").partitions()).hasSize(1);
    }

    @Test
    void readsAndWritesPostgresThroughTheMigratedSchema() {
        jdbc.sql("INSERT INTO instruments (instrument_token, tradingsymbol, exchange) VALUES (999999001, 'PLATFORM-IT', "
                        + "'NSE') ON CONFLICT (instrument_token) DO UPDATE SET name = :n")
                .param("n", "platform test").update();
        try {
            String symbol = jdbc.sql("SELECT tradingsymbol FROM instruments WHERE instrument_token = 999999001")
                    .query(String.class).single();
            assertThat(symbol).isEqualTo("PLATFORM-IT");
        } finally {
            jdbc.sql("DELETE FROM instruments WHERE instrument_token = 999999001").update();
        }
        Integer version = jdbc.sql("SELECT max(version::int) FROM flyway_schema_history WHERE success")
                .query(Integer.class).single();
        assertThat(version).isGreaterThanOrEqualTo(1);
    }

    @Test
    void readsAndWritesRedis() {
        redis.opsForValue().set("platform-it:key", "value-1");
        assertThat(redis.opsForValue().get("platform-it:key")).isEqualTo("value-1");
    }

    @Test
    void infoReportsVersionAndWhereEachEmbeddedServerListens() throws Exception {
        JsonNode info = getJson("/actuator/info");
        assertThat(info.get("build").get("version").asString()).isNotBlank();
        JsonNode embedded = info.get("embedded");
        assertThat(embedded.get("kafka").get("bootstrapServers").asString()).isEqualTo(bootstrapServers);
        assertThat(embedded.get("postgres").get("jdbcUrl").asString()).startsWith("jdbc:postgresql://localhost:");
        assertThat(embedded.get("redis").get("url").asString()).startsWith("redis://127.0.0.1:");
    }

    @Test
    void exportsSchemaMetricsToPrometheus() throws Exception {
        String metrics = get("/actuator/prometheus");
        assertThat(metrics).contains("schema_migration_duration_seconds_count");
        assertThat(metrics).contains("schema_validation_total{", "result=\"valid\"");
    }

    private KafkaConsumer<String, byte[]> consumer() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "platform-it-" + System.nanoTime());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private JsonNode getJson(String path) {
        return JSON.readTree(get(path));
    }

    private String get(String path) {
        return new ApiTestClient(port).text(path);
    }
}
