package com.alphapanda.execution.zerodha;

import static com.alphapanda.PipelineTestSupport.SESSION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.alphapanda.ApiTestClient;
import com.alphapanda.PipelineTestSupport;
import com.alphapanda.core.event.Broker;
import com.alphapanda.core.event.SignalType;
import com.alphapanda.core.event.TradingSignal;
import com.alphapanda.core.event.ValidatedSignal;
import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.core.id.StrategyId;
import com.alphapanda.core.money.Price;
import com.alphapanda.core.money.Quantity;
import com.alphapanda.core.streaming.EventPublisher;
import com.alphapanda.core.topic.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import com.alphapanda.cli.AlphaPandaCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.time.Instant;
import com.alphapanda.core.event.EventCodec;
import com.alphapanda.core.event.MarketTick;
import com.alphapanda.marketfeed.FakeKiteTicker;
import com.alphapanda.marketfeed.KiteFrames;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.beans.factory.annotation.Value;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The platform with the zerodha broker enabled, against the local fake Kite server: without a session it starts,
 * reports why on the health endpoint and refuses zerodha signals with that reason while paper trades; after a login
 * through the API callback, a validated signal becomes a Kite order and its fill.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"alpha-panda.brokers=paper,zerodha", "alpha-panda.zerodha.live-trading-enabled=true",
            "alpha-panda.market-feed.source=kite", "alpha-panda.market-feed.kite.instruments=738561",
            "alpha-panda.market-feed.kite.reconnect-initial=200ms", "alpha-panda.market-feed.kite.reconnect-max=1s"})
class ZerodhaTradingIT {

    private static final FakeKite KITE = start();
    private static final String ACCESS_TOKEN = "itaccesstoken77";
    private static final FakeKiteTicker TICKER = startTicker();

    @LocalServerPort
    int port;
    @Autowired
    EventPublisher publisher;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ZerodhaReconciler reconciler;

    @DynamicPropertySource
    static void kite(DynamicPropertyRegistry registry) {
        registry.add("alpha-panda.zerodha.api-url", () -> KITE.url().toString());
        registry.add("alpha-panda.zerodha.api-key", () -> FakeKite.API_KEY);
        registry.add("alpha-panda.zerodha.api-secret", () -> FakeKite.API_SECRET);
        registry.add("alpha-panda.zerodha.ticker-url", () -> TICKER.url().toString());
    }

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;
    @Value("${spring.datasource.url}")
    String jdbcUrl;

    @AfterAll
    static void stopKite() throws IOException {
        KITE.close();
        TICKER.close();
    }

    @Test
    void withoutASessionThePlatformRunsAndZerodhaSignalsAreRefusedWithTheReasonShownOnHealth() {
        jdbc.sql("DELETE FROM zerodha_sessions").update();
        int sentBefore = KITE.placements().size();
        ApiTestClient api = new ApiTestClient(port);
        awaitReady(api);

        HttpResponse<String> health = api.request("GET", "/actuator/health", null);
        assertThat(health.statusCode()).as("an enabled broker that cannot trade makes the whole DOWN").isEqualTo(503);
        JsonNode zerodha = ApiTestClient.JSON.readTree(health.body()).at("/components/zerodha/components");
        assertThat(zerodha.at("/session/status").asString()).isEqualTo("DOWN");
        assertThat(zerodha.at("/session/details/reason").asString()).contains("no Kite session");
        assertThat(zerodha.at("/orders/status").asString()).isEqualTo("DOWN");
        assertThat(api.get("/actuator/health/readiness").get("status").asString()).isEqualTo("UP");

        StrategyId strategy = PipelineTestSupport.freshStrategy("zno");
        new PipelineTestSupport(publisher, port).publish(Topics.signalsValidated(Broker.ZERODHA), validated(strategy));
        Map<String, Object> failed = await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT failure_code, failure_message FROM orders WHERE broker = 'zerodha' AND strategy_id = :s")
                .param("s", strategy.value()).query().listOfRows(), rows -> rows.size() == 1).getFirst();
        assertThat(failed.get("failure_code")).isEqualTo(ZerodhaTradingEngine.SESSION_UNAVAILABLE);
        assertThat((String) failed.get("failure_message")).contains("no Kite session");
        assertThat(KITE.placements()).hasSize(sentBefore);

        StrategyId paper = PipelineTestSupport.freshStrategy("pyes");
        PipelineTestSupport pipeline = new PipelineTestSupport(publisher, port);
        pipeline.ensurePaperTradingActive(jdbc);
        pipeline.publish(Topics.signalsValidated(Broker.PAPER), validated(paper));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT count(*) FROM fills WHERE broker = 'paper' AND strategy_id = :s")
                .param("s", paper.value()).query(Long.class).single() == 1);
    }

    @Test
    void afterALoginThroughTheApiCallbackASignalBecomesAKiteOrderAndItsFillWithNoSecretShown(CapturedOutput output)
            throws IOException {
        ApiTestClient api = new ApiTestClient(port);
        awaitReady(api);
        String loginUrl = api.post("/api/v1/zerodha/login", "", 200).get("loginUrl").asString();
        String state = URLDecoder.decode(loginUrl.substring(loginUrl.indexOf("redirect_params=") + 16),
                StandardCharsets.UTF_8).substring("state=".length());
        KITE.issueRequestToken("itreqtoken1", ACCESS_TOKEN);

        HttpResponse<String> callback = new ApiTestClient(port, null).request("GET",
                "/api/v1/zerodha/callback?action=login&status=success&request_token=itreqtoken1&state=" + state, null);
        assertThat(callback.statusCode()).isEqualTo(200);
        assertThat(callback.body()).contains(FakeKite.USER_ID);
        HttpResponse<String> forged = new ApiTestClient(port, null).request("GET",
                "/api/v1/zerodha/callback?status=success&request_token=itreqtoken2&state=1.ab", null);
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(forged.body()).contains("state");
        assertThat(api.get("/api/v1/zerodha/session").get("active").asBoolean()).isTrue();
        assertThat(api.get("/actuator/health").at("/components/zerodha/components/session/status").asString())
                .isEqualTo("UP");
        assertThat(api.get("/actuator/health").get("status").asString()).isEqualTo("UP");

        StrategyId strategy = PipelineTestSupport.freshStrategy("zyes");
        var signal = new PipelineTestSupport(publisher, port).publish(Topics.signalsValidated(Broker.ZERODHA),
                validated(strategy));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT count(*) FROM fills WHERE broker = 'zerodha' AND strategy_id = :s")
                .param("s", strategy.value()).query(Long.class).single() == 1);

        String orderId = KITE.onlyOrderIdWithTag(KiteOrderForm.tagOf(signal.id()));
        ApiTestClient kiteCalling = new ApiTestClient(port, null);
        HttpResponse<String> postback = kiteCalling.request("POST", "/api/v1/zerodha/postback",
                KITE.postback(orderId));
        assertThat(postback.statusCode()).isEqualTo(200);
        assertThat(postback.body()).contains("\"events\":0"); // the fill was applied already
        HttpResponse<String> forgedPostback = kiteCalling.request("POST", "/api/v1/zerodha/postback",
                KITE.postback(orderId).replace("\"checksum\":\"", "\"checksum\":\"0"));
        assertThat(forgedPostback.statusCode()).isEqualTo(401);
        assertThat(KITE.placements()).anySatisfy(form -> {
            assertThat(form).containsEntry("tradingsymbol", "RELIANCE").containsEntry("market_protection", "-1")
                    .containsKey("tag");
        });

        // the kite feed connects with the new session and publishes ticks timestamped by the exchange
        await().atMost(Duration.ofSeconds(30)).until(() -> !TICKER.connections().isEmpty());
        int[] quote = {250_050, 25, 249_875, 1_234_567, 40_000, 35_000, 248_000, 251_000, 247_500, 249_000};
        TICKER.sendBinary(new KiteFrames().packet(KiteFrames.full(738561, quote, 1_795_838_390, 0, 0, 0,
                1_795_838_400, new int[10][3])).frame());
        assertThat(tickTimes(InstrumentToken.of(738561))).contains(Instant.ofEpochSecond(1_795_838_400));

        // the command line: login with a request token, and the instrument dump through the stored session
        KITE.issueRequestToken("clireqtoken1", ACCESS_TOKEN);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertThat(cli(out, err, "zerodha", "login", "clireqtoken1")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Open this URL", "Logged in to Kite as " + FakeKite.USER_ID);
        assertThat(cli(out, err, "instruments", "sync")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Synced 3 instrument(s) from Kite; skipped 1 malformed row(s).");
        StringWriter refused = new StringWriter();
        assertThat(cli(new StringWriter(), refused, "zerodha", "login", "bad token!")).isEqualTo(1);
        assertThat(refused.toString().strip()).startsWith("alpha-panda: error: expected a request token")
                .doesNotContain("\n");

        // reconciliation: a position at Kite the platform cannot explain halts zerodha (the risk manager then rejects
        // its signals) and raises the alert; once the books agree again the state is ACTIVE
        KITE.addExternalPosition(738561, 5);
        assertThat(reconciler.reconcile().findings()).singleElement().asString().contains("instrument 738561");
        awaitZerodhaApplied(api, "HALTED");
        assertThat(api.request("GET", "/actuator/health", null).body())
                .contains("\"reconciliation\":{\"details\":{\"drift\"");
        var blocked = new PipelineTestSupport(publisher, port).publish(Topics.signalsRaw(Broker.ZERODHA),
                new TradingSignal(strategy, InstrumentToken.of(738561), SignalType.BUY, Quantity.of(1),
                        Price.of("2500"), SESSION.plusSeconds(5), null, null, null));
        String decision = await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT envelope FROM risk_decisions WHERE signal_id = :id").param("id", blocked.id().value())
                .query(String.class).optional().orElse(null), v -> v != null);
        assertThat(decision).contains("TRADING_HALTED");
        KITE.addExternalPosition(738561, -5);
        assertThat(reconciler.reconcile().drifted()).isFalse();
        awaitZerodhaApplied(api, "ACTIVE");

        String everything = output.getAll() + out + err + api.text("/api/v1/zerodha/session") + api.text("/actuator/health")
                + callback.body();
        assertThat(everything).doesNotContain(FakeKite.API_SECRET).doesNotContain(ACCESS_TOKEN);
    }

    private static void awaitZerodhaApplied(ApiTestClient api, String state) {
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            for (JsonNode broker : api.get("/api/v1/trading-state").get("items")) {
                if (broker.get("broker").asString().equals("zerodha")) {
                    return broker.get("appliedState").asString().equals(state);
                }
            }
            return false;
        });
    }

    private int cli(StringWriter out, StringWriter err, String... args) {
        String[] withSettings = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.stream.Stream.of(
                "--spring.datasource.url=" + jdbcUrl, "--spring.datasource.username=postgres",
                "--alpha-panda.zerodha.api-url=" + KITE.url(), "--alpha-panda.zerodha.api-key=" + FakeKite.API_KEY,
                "--alpha-panda.zerodha.api-secret=" + FakeKite.API_SECRET)).toArray(String[]::new);
        return AlphaPandaCommand.execute(withSettings, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private List<Instant> tickTimes(InstrumentToken token) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "zerodha-it-" + System.nanoTime());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        EventCodec codec = new EventCodec();
        List<Instant> times = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.MARKET_TICKS.name()));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (codec.decode(r.value()).payload() instanceof MarketTick t && t.instrumentToken().equals(token)) {
                        times.add(t.timestamp());
                    }
                }
                return !times.isEmpty();
            });
        }
        return times;
    }

    private static FakeKiteTicker startTicker() {
        try {
            return new FakeKiteTicker(FakeKite.API_KEY, ACCESS_TOKEN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ValidatedSignal validated(StrategyId strategy) {
        TradingSignal signal = new TradingSignal(strategy, InstrumentToken.of(738561), SignalType.BUY, Quantity.of(3),
                Price.of("2500"), SESSION, null, null, null);
        return new ValidatedSignal(signal, Quantity.of(3), Price.of("2500"), Map.of(), SESSION);
    }

    private static FakeKite start() {
        try {
            return new FakeKite();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Readiness is UP once every listener container holds its partitions. */
    private static void awaitReady(ApiTestClient api) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() ->
                api.request("GET", "/actuator/health/readiness", null).statusCode() == 200);
    }
}
