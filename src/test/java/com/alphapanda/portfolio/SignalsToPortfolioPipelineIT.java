package com.alphapanda.portfolio;

import static com.alphapanda.PipelineTestSupport.SESSION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.alphapanda.PipelineTestSupport;
import com.alphapanda.core.event.OrderInstruction;
import com.alphapanda.core.event.OrderType;
import com.alphapanda.core.event.SignalType;
import com.alphapanda.core.event.TimeInForce;
import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.core.id.StrategyId;
import com.alphapanda.core.json.EventJson;
import com.alphapanda.core.money.Price;
import com.alphapanda.core.streaming.EventPublisher;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.JsonNode;

/**
 * End to end on the embedded servers: signals and ticks → risk manager → paper venue → portfolio manager → Redis
 * read model and REST, compared with an independent calculation.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "alpha-panda.brokers=paper,zerodha")
class SignalsToPortfolioPipelineIT {

    static final Instant CLOSE = Instant.parse("2026-12-01T10:00:00Z"); // 15:30 IST

    @Autowired
    EventPublisher publisher;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @LocalServerPort
    int port;

    PipelineTestSupport pipeline;
    final StrategyId strategy = PipelineTestSupport.freshStrategy("e2e");
    final InstrumentToken a = PipelineTestSupport.freshInstrument();
    final InstrumentToken b = PipelineTestSupport.freshInstrument();

    @BeforeEach
    void setUp() {
        pipeline = new PipelineTestSupport(publisher, port);
        pipeline.ensurePaperTradingActive(jdbc);
    }

    @Test
    void signalsAndTicksBecomeFillsPositionsAndPnlEqualToAnIndependentCalculation() {
        pipeline.tick(a, "100", SESSION);
        pipeline.tick(b, "200", SESSION);
        signal(a, SignalType.BUY, 10, "100", null, 1);
        awaitOrders(orders -> count(orders, "filled") == 1);

        signal(a, SignalType.BUY, 5, "100", limit("99"), 2);
        awaitOrders(orders -> count(orders, "open") == 1);
        pipeline.tick(a, "98.80", SESSION.plusSeconds(3));
        awaitOrders(orders -> count(orders, "filled") == 2);

        signal(a, SignalType.SELL, 8, "101", null, 4);
        signal(b, SignalType.BUY, 10, "200", new OrderInstruction(OrderType.MARKET, TimeInForce.DAY, null, null,
                new OrderInstruction.Bracket(new BigDecimal("0.01"), new BigDecimal("0.01"))), 5);
        awaitOrders(orders -> count(orders, "filled") == 4);
        pipeline.tick(b, "202.20", SESSION.plusSeconds(6)); // take-profit 200.10 × 1.01 = 202.101 → 202.10 (tick)
        awaitOrders(orders -> count(orders, "filled") == 5);

        signal(a, SignalType.SELL, 100, "101", null, 7); // holds 7: the venue refuses
        signal(a, SignalType.BUY, 5, "100", limit("90"), 8); // rests until the close
        awaitOrders(orders -> count(orders, "failed") == 1 && count(orders, "open") == 1);
        pipeline.tick(a, "102", CLOSE);
        JsonNode orders = awaitOrders(o -> count(o, "expired") == 1);

        ExpectedBook expected = new ExpectedBook()
                .fill(a, SignalType.BUY, 10, ExpectedBook.buyPrice("100"))
                .fill(a, SignalType.BUY, 5, ExpectedBook.buyPrice("98.80").min(new BigDecimal("99")))
                .fill(a, SignalType.SELL, 8, ExpectedBook.sellPrice("101"))
                .fill(b, SignalType.BUY, 10, ExpectedBook.buyPrice("200"))
                .fill(b, SignalType.SELL, 10, ExpectedBook.down(ExpectedBook.buyPrice("200")
                        .multiply(new BigDecimal("1.01"))));
        BigDecimal unrealized = expected.unrealized(Map.of(a, new BigDecimal("102")));

        JsonNode portfolio = await().atMost(Duration.ofSeconds(30)).until(this::storedPortfolio,
                p -> p != null && p.get("fill_count").asLong() == 5
                        && decimal(p, "unrealized_pnl").compareTo(unrealized) == 0);
        assertThat(decimal(portfolio, "cash")).isEqualByComparingTo(expected.cash);
        assertThat(decimal(portfolio, "fees")).isEqualByComparingTo(expected.fees);
        assertThat(decimal(portfolio, "realized_pnl")).isEqualByComparingTo(expected.realized);
        assertThat(decimal(portfolio, "net_pnl"))
                .isEqualByComparingTo(expected.realized.add(unrealized).subtract(expected.fees));
        assertThat(decimal(portfolio, "total_value")).isEqualByComparingTo(expected.cash.add(new BigDecimal("714")));
        JsonNode positionA = position(portfolio, a);
        assertThat(positionA.get("quantity").asLong()).isEqualTo(7);
        assertThat(decimal(positionA, "average_price")).isEqualByComparingTo(expected.averages.get(a));
        assertThat(decimal(positionA, "last_price")).isEqualByComparingTo("102");
        JsonNode positionB = position(portfolio, b);
        assertThat(positionB.get("quantity").asLong()).as("the bracket exit flattened it").isZero();
        assertThat(decimal(positionB, "realized_pnl")).isEqualByComparingTo(expected.realizedBy.get(b))
                .isEqualByComparingTo("20.00"); // (202.10 − 200.10) × 10; 20.01 before levels were on the tick

        HttpResponse<String> rest = pipeline.get("/api/v1/portfolios/paper/" + strategy.value());
        assertThat(rest.statusCode()).isEqualTo(200);
        JsonNode served = read(rest.body());
        assertThat(served.get("strategyId").asString()).isEqualTo(strategy.value());
        assertThat(served.get("fillCount").asLong()).isEqualTo(5);
        assertThat(new BigDecimal(served.get("cash").asString())).as("the stored amount, exactly")
                .isEqualByComparingTo(expected.cash);
        // an open position has an average price; a flat one omits it (no null members)
        served.get("positions").forEach(p -> assertThat(p.has("averagePrice"))
                .as("averagePrice of " + p).isEqualTo(p.get("quantity").asLong() != 0));
        assertThat(listedPortfolios()).contains("\"strategyId\":\"" + strategy.value() + "\"");

        JsonNode failed = only(orders, "failed");
        assertThat(failed.get("reasonCode").asText()).isEqualTo("INSUFFICIENT_POSITION");
        assertThat(failed.get("reason").asText()).isEqualTo("No position to sell");
        assertThat(only(orders, "expired").get("reasonCode").asText()).isEqualTo("EXPIRED");
        for (JsonNode order : orders.get("items")) {
            if (order.get("status").asText().equals("filled")) {
                long sum = 0;
                for (JsonNode fill : order.get("fills")) {
                    sum += fill.get("quantity").asLong();
                }
                assertThat(sum).isEqualTo(order.get("quantity").asLong());
            }
        }
    }

    @Test
    void aWipedReadModelIsRebuiltIdenticallyFromTheLedger() {
        pipeline.tick(a, "100", SESSION);
        signal(a, SignalType.BUY, 3, "100", null, 1);
        signal(a, SignalType.SELL, 1, "100.50", null, 2);
        JsonNode before = await().atMost(Duration.ofSeconds(30)).until(this::storedPortfolio,
                p -> p != null && p.get("fill_count").asLong() == 2);

        redis.delete(List.of("paper:portfolio:" + strategy.value(), "paper:portfolios"));

        JsonNode after = await().atMost(Duration.ofSeconds(30)).until(this::storedPortfolio, p -> p != null);
        assertThat(withoutTime(after)).isEqualTo(withoutTime(before));
        assertThat(redis.opsForHash().hasKey("paper:portfolios", strategy.value())).isTrue();
    }

    @Test
    void unknownPortfoliosAndBadParametersAreProblemDetails() {
        HttpResponse<String> unknown = pipeline.get("/api/v1/portfolios/paper/no_such_strategy");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("content-type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(read(unknown.body()).get("detail").asText()).isEqualTo("unknown portfolio paper:no_such_strategy");

        assertThat(pipeline.get("/api/v1/portfolios/nasdaq/x").statusCode()).isEqualTo(400);
        HttpResponse<String> badSize = pipeline.get("/api/v1/orders?size=abc");
        assertThat(badSize.statusCode()).isEqualTo(400);
        assertThat(read(badSize.body()).get("status").asInt()).isEqualTo(400);
        assertThat(pipeline.get("/api/v1/orders?size=501").statusCode()).isEqualTo(400);
        assertThat(pipeline.get("/api/v1/orders?strategy=bad%20id").statusCode()).isEqualTo(400);
        assertThat(pipeline.get("/api/v1/orders?broker=PAPER&size=5").statusCode()).isEqualTo(200);
    }

    private void signal(InstrumentToken token, SignalType side, long quantity, String price,
                        OrderInstruction instruction, int second) {
        pipeline.signal(strategy, token, side, quantity, price, instruction, SESSION.plusSeconds(second));
    }

    private static OrderInstruction limit(String price) {
        return new OrderInstruction(OrderType.LIMIT, TimeInForce.DAY, Price.of(price), null, null);
    }

    private JsonNode awaitOrders(Predicate<JsonNode> condition) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> read(pipeline.get(
                "/api/v1/orders?broker=paper&strategy=" + strategy.value() + "&size=50").body()), condition);
    }

    private static long count(JsonNode orders, String status) {
        long n = 0;
        for (JsonNode order : orders.get("items")) {
            if (order.get("status").asText().equals(status)) {
                n++;
            }
        }
        return n;
    }

    private static JsonNode only(JsonNode orders, String status) {
        List<JsonNode> found = new ArrayList<>();
        orders.get("items").forEach(o -> {
            if (o.get("status").asText().equals(status)) {
                found.add(o);
            }
        });
        assertThat(found).hasSize(1);
        return found.getFirst();
    }

    private JsonNode storedPortfolio() {
        String json = redis.opsForValue().get("paper:portfolio:" + strategy.value());
        return json == null ? null : read(json);
    }

    private static JsonNode position(JsonNode portfolio, InstrumentToken token) {
        for (JsonNode p : portfolio.get("positions")) {
            if (p.get("instrument_token").asLong() == token.value()) {
                return p;
            }
        }
        throw new AssertionError("no position in " + token);
    }

    private static JsonNode withoutTime(JsonNode portfolio) {
        var copy = portfolio.deepCopy();
        ((tools.jackson.databind.node.ObjectNode) copy).remove("updated_at");
        return copy;
    }

    static BigDecimal decimal(JsonNode node, String field) {
        return new BigDecimal(node.get(field).asText());
    }

    static JsonNode read(String json) {
        return EventJson.mapper().readTree(json);
    }

    /** Every page of {@code GET /api/v1/portfolios} (other tests on the shared servers add portfolios too). */
    private String listedPortfolios() {
        StringBuilder all = new StringBuilder();
        for (int page = 0; page < 100; page++) {
            JsonNode body = read(pipeline.get("/api/v1/portfolios?size=500&page=" + page).body());
            all.append(body.get("items"));
            if (body.get("items").isEmpty()) {
                break;
            }
        }
        return all.toString();
    }
}
