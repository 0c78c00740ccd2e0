package com.alphapanda.dashboard;

import static org.awaitility.Awaitility.await;

import com.alphapanda.ApiTestClient;
import com.alphapanda.PipelineTestSupport;
import com.alphapanda.core.event.Broker;
import com.alphapanda.core.event.OrderFilled;
import com.alphapanda.core.event.SignalType;
import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.core.id.StrategyId;
import com.alphapanda.core.money.Money;
import com.alphapanda.core.money.Price;
import com.alphapanda.core.money.Quantity;
import com.alphapanda.core.streaming.EventPublisher;
import com.alphapanda.core.streaming.Envelopes;
import com.alphapanda.core.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * What every dashboard browser test shares: one application on its embedded servers (Kafka, PostgreSQL, Redis) trading
 * a replayed day ({@link ReplayedDay}: the platform's replay market feed and a momentum strategy, fills arriving every
 * few seconds through strategies, risk, the paper venue and the portfolios while the tests watch); a fresh headless
 * Chromium per test that fails the test on a request to another host or a JavaScript console error and saves a
 * screenshot under {@code target/dashboard-screenshots/}; and the helpers that put the specific data some tests need in
 * the platform (tokens, fills of their own strategies, raw Kafka records).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "alpha-panda.market-feed.source=replay",
        "alpha-panda.market-feed.replay.file=" + ReplayedDay.FILE,
        "alpha-panda.market-feed.replay.speed=" + ReplayedDay.SPEED,
        "alpha-panda.strategies.seed-file=" + ReplayedDay.STRATEGIES,
        "alpha-panda.risk.brokers.paper.strategies." + ReplayedDay.STRATEGY + ".max-daily-trades="
                + ReplayedDay.MAX_DAILY_TRADES})
abstract class DashboardTestBase {

    static final Duration WAIT = Duration.ofSeconds(60);

    @LocalServerPort
    int port;

    @Autowired
    EventPublisher publisher;

    @Autowired
    JdbcClient jdbc;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    DashboardBrowser browser;

    @BeforeEach
    void startBrowser() throws Exception {
        // the overview and the monitoring page read the consumer lag, which is 503 until its first collection
        ApiTestClient api = new ApiTestClient(port);
        await().atMost(Duration.ofSeconds(90)).until(() ->
                api.request("GET", "/api/v1/monitoring/lag", null).statusCode() == 200);
        browser = new DashboardBrowser(port);
    }

    @AfterEach
    void checkAndCloseBrowser(TestInfo test) throws Exception {
        try {
            browser.screenshot(test.getTestMethod().orElseThrow().getName());
            browser.assertOnlyTheApplicationWasContactedAndNoConsoleError();
        } finally {
            browser.close();
        }
    }

    String token(String role) {
        return new ApiTestClient(port).post("/api/v1/tokens",
                "{\"name\":\"" + role + "-" + UUID.randomUUID().toString().substring(0, 8) + "\",\"role\":\"" + role + "\"}", 201)
                .get("token").asString();
    }

    /**
     * The replayed day's portfolio once it has a fill, with paper trading active (a test on the shared application may
     * have left it halted, which would stop the day's fills).
     */
    JsonNode replayedDayPortfolio() {
        new PipelineTestSupport(publisher, port).ensurePaperTradingActive(jdbc);
        ApiTestClient api = new ApiTestClient(port);
        return await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(
                () -> api.get("/api/v1/portfolios/paper/" + ReplayedDay.STRATEGY), p -> p.get("fillCount").asInt() > 0);
    }

    /** A BUY fill of {@code quantity} at ₹1,23,456.75 straight onto {@code paper.orders.filled}. */
    void fill(StrategyId strategy, InstrumentToken instrument, long quantity, int sequence) {
        OrderFilled fill = new OrderFilled("dash-order-" + strategy.value() + "-" + sequence,
                "dash-fill-" + strategy.value() + "-" + sequence, strategy, instrument, SignalType.BUY,
                Quantity.of(quantity), Price.of("123456.75"), Money.of("0.10"),
                PipelineTestSupport.SESSION.plusSeconds(sequence));
        publisher.publish(Topics.ordersFilled(Broker.PAPER), Envelopes.root(Topics.ordersFilled(Broker.PAPER),
                fill, "test")).join();
    }

    void sendRaw(String topic, String key, String value) throws Exception {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrapServers);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value.getBytes(StandardCharsets.UTF_8))).get();
        }
    }

    static String deadLetterId(ApiTestClient api, String key) {
        for (var d : api.get("/api/v1/dlq?topic=paper.orders.filled&size=500").get("items")) {
            if (d.path("key").asString("").equals(key)) {
                return d.get("id").asString();
            }
        }
        return null;
    }

    /** A fresh instrument in the trading universe, as {@code instruments import} adds it. */
    long tradableInstrument() {
        long token = PipelineTestSupport.freshInstrument().value();
        for (String table : new String[] {"instruments", "instrument_registry"}) {
            jdbc.sql("INSERT INTO " + table + " (instrument_token, tradingsymbol, exchange) VALUES (:t, :s, 'NSE')")
                    .param("t", token).param("s", "T" + token).update();
        }
        return token;
    }
}
