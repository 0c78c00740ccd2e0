package com.alphapanda.operator;

import static com.alphapanda.PipelineTestSupport.SESSION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.alphapanda.ApiTestClient;
import com.alphapanda.PipelineTestSupport;
import com.alphapanda.cli.AlphaPandaCommand;
import com.alphapanda.core.event.OrderInstruction;
import com.alphapanda.core.event.OrderType;
import com.alphapanda.core.event.SignalType;
import com.alphapanda.core.event.TimeInForce;
import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.core.id.StrategyId;
import com.alphapanda.core.money.Price;
import com.alphapanda.core.streaming.EventPublisher;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Operator actions end to end on the embedded servers (context of PlatformIT): the API sends a cancel command or an
 * operator-marked closing signal, the risk manager and the paper venue act on it, the portfolio books the result.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "alpha-panda.brokers=paper,zerodha")
class OperatorActionsIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final OrderInstruction LIMIT_90 =
            new OrderInstruction(OrderType.LIMIT, TimeInForce.DAY, Price.of("90"), null, null);

    @LocalServerPort
    int port;
    @Autowired
    EventPublisher publisher;
    @Autowired
    JdbcClient jdbc;

    PipelineTestSupport pipeline;
    ApiTestClient api;

    @BeforeEach
    void setUp() {
        pipeline = new PipelineTestSupport(publisher, port);
        pipeline.ensurePaperTradingActive(jdbc);
        api = new ApiTestClient(port);
    }

    @Test
    void aRestingLimitOrderIsCancelledByTheOperatorAndShowsAsCancelledWithWhoAndWhy() {
        StrategyId strategy = PipelineTestSupport.freshStrategy("cancel");
        InstrumentToken token = PipelineTestSupport.freshInstrument();
        pipeline.tick(token, "100", SESSION);
        pipeline.signal(strategy, token, SignalType.BUY, 10, "100", LIMIT_90, SESSION.plusSeconds(1));
        String orderId = awaitOrder(strategy, "open").get("orderId").asString();

        JsonNode outcome = api.post("/api/v1/orders/paper/" + orderId + "/cancel",
                "{\"reason\":\"fat finger\"}", 202);

        assertThat(outcome.get("action").asString()).isEqualTo("cancel");
        assertThat(outcome.get("requestedBy").asString()).isEqualTo("bootstrap");
        assertThat(outcome.at("/cancels/0/orderId").asString()).isEqualTo(orderId);
        JsonNode cancelled = awaitOrder(strategy, "cancelled");
        assertThat(cancelled.get("reasonCode").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.get("reason").asString()).isEqualTo("Cancelled by bootstrap: fat finger");
        pipeline.tick(token, "80", SESSION.plusSeconds(5));
        assertThat(api.post("/api/v1/orders/paper/" + orderId + "/cancel", "{\"reason\":\"again\"}", 409)
                .get("detail").asString()).contains("is cancelled");
        assertThat(api.post("/api/v1/orders/paper/no-such-order/cancel", "{\"reason\":\"x\"}", 404)
                .get("detail").asString()).contains("no order no-such-order");
        assertThat(jdbc.sql("SELECT count(*) FROM fills WHERE strategy_id = :s").param("s", strategy.value())
                .query(Long.class).single()).as("a cancelled order never fills").isZero();
    }

    @Test
    void flatteningAPositionClosesItWithAnOperatorMarkedRiskValidatedFill() {
        StrategyId strategy = PipelineTestSupport.freshStrategy("flat1");
        InstrumentToken token = PipelineTestSupport.freshInstrument();
        buy(strategy, token, 10);

        JsonNode outcome = api.post("/api/v1/portfolios/paper/" + strategy.value() + "/positions/" + token.value()
                + "/flatten", "{\"reason\":\"risk review\"}", 202);

        assertThat(outcome.at("/closes/0/side").asString()).isEqualTo("SELL");
        assertThat(outcome.at("/closes/0/quantity").asLong()).isEqualTo(10);
        awaitPosition(strategy, token, 0);
        JsonNode fills = api.get("/api/v1/fills?strategy=" + strategy.value()).get("items");
        assertThat(fills).hasSize(2);
        assertThat(fills.get(0).get("side").asString()).isEqualTo("SELL");
        assertThat(fills.get(0).get("quantity").asLong()).isEqualTo(10);
        JsonNode decision = api.get("/api/v1/signals?outcome=validated&strategy=" + strategy.value())
                .get("items").get(0);
        assertThat(decision.toString()).contains("Operator flatten by bootstrap: risk review");
        assertThat(api.post("/api/v1/portfolios/paper/" + strategy.value() + "/positions/" + token.value()
                + "/flatten", "{\"reason\":\"again\"}", 409).get("detail").asString())
                .contains("no open position");
    }

    @Test
    void flatteningAStrategyCancelsItsWorkingOrdersAndClosesEveryPositionEvenWhileHalted() {
        StrategyId strategy = PipelineTestSupport.freshStrategy("flats");
        InstrumentToken a = PipelineTestSupport.freshInstrument();
        InstrumentToken b = PipelineTestSupport.freshInstrument();
        buy(strategy, a, 10);
        buy(strategy, b, 5);
        pipeline.signal(strategy, a, SignalType.BUY, 3, "100", LIMIT_90, SESSION.plusSeconds(2));
        await().atMost(WAIT).until(() -> orders(strategy).size() == 3
                && orders(strategy).toString().contains("\"status\":\"open\""));
        api.post("/api/v1/trading-state/paper", "{\"state\":\"HALTED\",\"reason\":\"incident\"}", 200);
        try {
            JsonNode outcome = api.post("/api/v1/portfolios/paper/" + strategy.value() + "/flatten",
                    "{\"reason\":\"incident\"}", 202);

            assertThat(outcome.get("cancels")).hasSize(1);
            assertThat(outcome.get("closes")).hasSize(2);
            awaitPosition(strategy, a, 0);
            awaitPosition(strategy, b, 0);
            await().atMost(WAIT).until(() -> orders(strategy).toString().contains("\"status\":\"cancelled\""));
        } finally {
            api.post("/api/v1/trading-state/paper", "{\"state\":\"ACTIVE\",\"reason\":\"test over\"}", 200);
        }
    }

    @Test
    void flatteningABrokerClosesThePositionsOfEveryStrategy() {
        StrategyId first = PipelineTestSupport.freshStrategy("flatb");
        StrategyId second = PipelineTestSupport.freshStrategy("flatb");
        InstrumentToken token = PipelineTestSupport.freshInstrument();
        buy(first, token, 7);
        buy(second, token, 4);

        JsonNode outcome = api.post("/api/v1/portfolios/paper/flatten", "{\"reason\":\"end of demo\"}", 202);

        assertThat(outcome.get("action").asString()).isEqualTo("flatten-broker");
        assertThat(outcome.get("closes").toString()).contains(first.value()).contains(second.value());
        awaitPosition(first, token, 0);
        awaitPosition(second, token, 0);
    }

    @Test
    void aViewerIsRefusedAndBadRequestsAreProblemDetails() {
        String viewer = api.post("/api/v1/tokens", "{\"name\":\"operator-it viewer\",\"role\":\"viewer\"}", 201)
                .get("token").asString();
        HttpResponse<String> refused = api.withToken(viewer).request("POST", "/api/v1/portfolios/paper/flatten",
                "{\"reason\":\"not mine to do\"}");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));

        assertThat(api.post("/api/v1/portfolios/paper/flatten", "{}", 400).get("detail").asString())
                .isEqualTo("field 'reason' must be 1-500 characters");
        assertThat(api.post("/api/v1/portfolios/paper/flatten", "{\"reason\":\"" + "x".repeat(501) + "\"}", 400)
                .get("detail").asString()).contains("1-500");
        assertThat(api.post("/api/v1/portfolios/nasdaq/flatten", "{\"reason\":\"x\"}", 400).get("detail")
                .asString()).contains("broker");
        assertThat(api.post("/api/v1/portfolios/paper/s1/positions/abc/flatten", "{\"reason\":\"x\"}", 400)
                .get("detail").asString()).contains("instrument token");
    }

    @Test
    void theCommandLineCancelsAndFlattensThroughTheApi() {
        StrategyId strategy = PipelineTestSupport.freshStrategy("flatcli");
        InstrumentToken token = PipelineTestSupport.freshInstrument();
        buy(strategy, token, 6);
        pipeline.signal(strategy, token, SignalType.BUY, 2, "100", LIMIT_90, SESSION.plusSeconds(2));
        String orderId = awaitOrder(strategy, "open").get("orderId").asString();

        StringWriter cancelOut = new StringWriter();
        assertThat(cli(cancelOut, "orders", "cancel", orderId, "--reason", "from the shell")).isZero();
        assertThat(cancelOut.toString()).contains("cancel   order " + orderId).contains("cancel by bootstrap");
        StringWriter flattenOut = new StringWriter();
        assertThat(cli(flattenOut, "orders", "flatten", "--strategy", strategy.value(), "--instrument",
                String.valueOf(token.value()), "--reason", "from the shell")).isZero();
        assertThat(flattenOut.toString()).contains("close    SELL 6 of instrument " + token.value());
        awaitPosition(strategy, token, 0);
        awaitOrder(strategy, "cancelled");

        StringWriter err = new StringWriter();
        assertThat(cli(new StringWriter(), err, "orders", "cancel", orderId, "--reason", "again")).isOne();
        assertThat(err.toString()).startsWith("alpha-panda: error: ").contains("is cancelled");
        assertThat(cli(new StringWriter(), new StringWriter(), "orders", "flatten", "--reason", "which?"))
                .as("neither --strategy nor --all is a usage error").isEqualTo(2);
    }

    private int cli(StringWriter out, String... args) {
        return cli(out, new StringWriter(), args);
    }

    private int cli(StringWriter out, StringWriter err, String... args) {
        String[] all = Stream.concat(Arrays.stream(args), Stream.of("--url", "http://localhost:" + port, "--token",
                ApiTestClient.ADMIN_TOKEN)).toArray(String[]::new);
        return AlphaPandaCommand.execute(all, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private void buy(StrategyId strategy, InstrumentToken token, long quantity) {
        pipeline.tick(token, "100", SESSION);
        pipeline.signal(strategy, token, SignalType.BUY, quantity, "100", null, SESSION.plusSeconds(1));
        awaitPosition(strategy, token, quantity);
    }

    private void awaitPosition(StrategyId strategy, InstrumentToken token, long quantity) {
        await().atMost(WAIT).until(() -> jdbc.sql("""
                        SELECT COALESCE(MAX(quantity), 0) FROM positions
                        WHERE broker = 'paper' AND strategy_id = :s AND instrument_token = :t""")
                .param("s", strategy.value()).param("t", token.value()).query(Long.class).single() == quantity);
    }

    private JsonNode orders(StrategyId strategy) {
        return api.get("/api/v1/orders?strategy=" + strategy.value()).get("items");
    }

    private JsonNode awaitOrder(StrategyId strategy, String status) {
        return await().atMost(WAIT).until(() -> orders(strategy).get(0),
                o -> o != null && status.equals(o.get("status").asString()));
    }
}
