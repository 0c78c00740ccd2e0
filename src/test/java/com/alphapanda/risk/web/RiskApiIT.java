package com.alphapanda.risk.web;

import static com.alphapanda.PipelineTestSupport.SESSION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.alphapanda.ApiTestClient;
import com.alphapanda.PipelineTestSupport;
import com.alphapanda.api.ApiRole;
import com.alphapanda.api.ApiTokens;
import com.alphapanda.core.event.ControlEvent;
import com.alphapanda.core.event.Envelope;
import com.alphapanda.core.event.EventCodec;
import com.alphapanda.core.event.SignalType;
import com.alphapanda.core.event.TradingStateChanged;
import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.core.id.StrategyId;
import com.alphapanda.core.streaming.EventPublisher;
import com.alphapanda.core.topic.Topics;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Signals with their risk decisions and operator trading-state control over the REST API (context of PlatformIT). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "alpha-panda.brokers=paper,zerodha")
class RiskApiIT {

    @LocalServerPort
    int port;
    @Autowired
    EventPublisher publisher;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApiTokens tokens;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @AfterEach
    void zerodhaActiveAgain() {
        new ApiTestClient(port).request("POST", "/api/v1/trading-state/zerodha",
                "{\"state\":\"ACTIVE\",\"reason\":\"test done\"}");
    }

    @Test
    void recentSignalsShowTheirDecisionValidatedOrRejectedWithReasons() {
        PipelineTestSupport pipeline = new PipelineTestSupport(publisher, port);
        pipeline.ensurePaperTradingActive(jdbc);
        StrategyId strategy = PipelineTestSupport.freshStrategy("signals");
        InstrumentToken token = PipelineTestSupport.freshInstrument();
        pipeline.tick(token, "100", SESSION);
        var accepted = pipeline.signal(strategy, token, SignalType.BUY, 10, "100", null, SESSION.plusSeconds(1));
        await().atMost(Duration.ofSeconds(30)).until(() -> signals(strategy, "").size() == 1);
        var refused = pipeline.signal(strategy, token, SignalType.BUY, 1001, "100", null, SESSION.plusSeconds(2));
        List<JsonNode> both = await().atMost(Duration.ofSeconds(30)).until(() -> signals(strategy, ""),
                s -> s.size() == 2);

        JsonNode rejected = both.get(0);
        assertThat(rejected.get("outcome").asString()).isEqualTo("rejected");
        assertThat(rejected.get("signalId").asString()).isEqualTo(refused.id().asString());
        // 1001 alone, or 1011 once the first signal's fill of 10 has reached the risk manager's exposure
        assertThat(rejected.get("rejectionReason").asString())
                .matches("MaxPositionSize: Position size 10[01]1 exceeds maximum 1000");
        assertThat(rejected.get("reasonCodes").toString()).isEqualTo("[\"MAX_POSITION_SIZE\"]");
        assertThat(rejected.at("/riskChecks/MaxPositionSize").asBoolean()).isFalse();
        assertThat(rejected.get("quantity").asLong()).isEqualTo(1001);

        JsonNode validated = both.get(1);
        assertThat(validated.get("outcome").asString()).isEqualTo("validated");
        assertThat(validated.get("signalId").asString()).isEqualTo(accepted.id().asString());
        assertThat(validated.get("correlationId").asString()).isEqualTo(accepted.correlationId());
        assertThat(validated.get("validatedQuantity").asLong()).isEqualTo(10);
        assertThat(validated.get("price").asString()).isEqualTo("100.00");
        assertThat(validated.get("reasoning").asString()).isEqualTo("test signal");

        assertThat(signals(strategy, "&outcome=rejected")).hasSize(1);
        assertThat(signals(strategy, "&outcome=VALIDATED&size=1")).hasSize(1);
        assertThat(signals(strategy, "&broker=zerodha")).isEmpty();
    }

    @Test
    void badSignalQueriesAre400s() {
        ApiTestClient api = new ApiTestClient(port);
        assertThat(api.request("GET", "/api/v1/signals?outcome=maybe", null).body()).contains("outcome must be");
        assertThat(api.request("GET", "/api/v1/signals?size=501", null).body()).contains("size must be");
        assertThat(api.request("GET", "/api/v1/signals?broker=nasdaq", null).body()).contains("unknown broker");
        assertThat(api.request("GET", "/api/v1/signals?strategy=a%20b", null).statusCode()).isEqualTo(400);
    }

    @Test
    void anOperatorHaltsABrokerRecordedWithTheTokenNameAndAnnouncedWithTheRequestCorrelationId() {
        String secret = tokens.create("desk operator", ApiRole.OPERATOR, null).secret();
        ApiTestClient operator = new ApiTestClient(port, secret);
        HttpResponse<String> response = operator.request("POST", "/api/v1/trading-state/zerodha",
                "{\"state\":\"halted\",\"reason\":\"exchange outage\"}", Map.of("X-Correlation-ID", "desk-7:halt"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode change = ApiTestClient.JSON.readTree(response.body());
        assertThat(change.get("state").asString()).isEqualTo("HALTED");
        assertThat(change.get("changedBy").asString()).isEqualTo("desk operator");
        assertThat(change.get("correlationId").asString()).isEqualTo("desk-7:halt");
        assertThat(change.get("published").asBoolean()).isTrue();

        JsonNode zerodha = zerodhaState();
        assertThat(zerodha.get("state").asString()).isEqualTo("HALTED");
        assertThat(zerodha.get("appliedState").asString()).as("applied at once").isEqualTo("HALTED");
        assertThat(zerodha.at("/history/0/changedBy").asString()).isEqualTo("desk operator");
        assertThat(zerodha.at("/history/0/reason").asString()).isEqualTo("exchange outage");

        Envelope<ControlEvent> announced = controlEvent(change.get("eventId").asString());
        assertThat(announced.correlationId()).isEqualTo("desk-7:halt");
        assertThat(announced.source()).isEqualTo("api");
        TradingStateChanged payload = (TradingStateChanged) announced.payload();
        assertThat(payload.changedBy()).isEqualTo("desk operator");
        assertThat(payload.reason()).isEqualTo("exchange outage");

        assertThat(operator.request("POST", "/api/v1/trading-state/zerodha",
                "{\"state\":\"ACTIVE\",\"reason\":\"resolved\"}").statusCode()).isEqualTo(200);
        assertThat(zerodhaState().get("appliedState").asString()).isEqualTo("ACTIVE");
    }

    @Test
    void invalidTradingStateChangesAre400sNamingTheField() {
        ApiTestClient api = new ApiTestClient(port);
        assertThat(api.request("POST", "/api/v1/trading-state/zerodha", "{\"state\":\"PAUSED\",\"reason\":\"x\"}")
                .body()).contains("field 'state' must be one of [ACTIVE, HALTED, REDUCING]");
        assertThat(api.request("POST", "/api/v1/trading-state/zerodha", "{\"state\":\"HALTED\"}").body())
                .contains("field 'reason'");
        assertThat(api.request("POST", "/api/v1/trading-state/zerodha", "{\"state\":\"HALTED\",\"reason\":\" \"}")
                .statusCode()).isEqualTo(400);
        assertThat(api.request("POST", "/api/v1/trading-state/zerodha", "{\"state\":[],\"reason\":\"x\"}").body())
                .contains("field 'state'");
        assertThat(api.request("POST", "/api/v1/trading-state/zerodha", "{\"state\":").statusCode()).isEqualTo(400);
        assertThat(api.request("POST", "/api/v1/trading-state/nasdaq", "{\"state\":\"HALTED\",\"reason\":\"x\"}")
                .body()).contains("unknown broker 'nasdaq'");
        assertThat(zerodhaState().get("state").asString()).isEqualTo("ACTIVE");
        HttpResponse<String> viewer = new ApiTestClient(port, tokens.create("viewer", ApiRole.VIEWER, null).secret())
                .request("POST", "/api/v1/trading-state/zerodha", "{\"state\":\"HALTED\",\"reason\":\"x\"}");
        assertThat(viewer.statusCode()).isEqualTo(403);
    }

    private List<JsonNode> signals(StrategyId strategy, String query) {
        List<JsonNode> list = new ArrayList<>();
        new ApiTestClient(port).get("/api/v1/signals?strategy=" + strategy.value() + query).get("items")
                .forEach(list::add);
        return list;
    }

    private JsonNode zerodhaState() {
        for (JsonNode broker : new ApiTestClient(port).get("/api/v1/trading-state").get("items")) {
            if (broker.get("broker").asString().equals("zerodha")) {
                return broker;
            }
        }
        throw new AssertionError("zerodha not listed");
    }

    private Envelope<ControlEvent> controlEvent(String eventId) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "control-reader-" + System.nanoTime());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        EventCodec codec = new EventCodec();
        List<Envelope<ControlEvent>> seen = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.CONTROL.name()));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200))
                        .forEach(r -> seen.add(codec.decode(r.value(), ControlEvent.class)));
                return seen.stream().anyMatch(e -> e.id().asString().equals(eventId));
            });
        }
        return seen.stream().filter(e -> e.id().asString().equals(eventId)).findFirst().orElseThrow();
    }
}
