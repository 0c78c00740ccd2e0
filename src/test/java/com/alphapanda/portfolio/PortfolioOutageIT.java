package com.alphapanda.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.alphapanda.ApiTestClient;
import com.alphapanda.PipelineTestSupport;
import com.alphapanda.core.event.Broker;
import com.alphapanda.core.event.OrderFilled;
import com.alphapanda.core.event.SignalType;
import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.core.id.StrategyId;
import com.alphapanda.core.json.EventJson;
import com.alphapanda.core.money.Money;
import com.alphapanda.core.money.Price;
import com.alphapanda.core.money.Quantity;
import com.alphapanda.core.streaming.EventPublisher;
import com.alphapanda.core.streaming.Envelopes;
import com.alphapanda.core.topic.Topics;
import com.alphapanda.embedded.EmbeddedServers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Redis goes down while the portfolio manager consumes fills. A short outage is retried in place and fully
 * recovered; one that outlasts the retry budget dead-letters the fills with {@code max_retries_exceeded}, and a replay
 * after recovery applies them, exactly once even when replayed twice.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "alpha-panda.streaming.service-retry.portfolio-manager.max-attempts=4",
        "alpha-panda.streaming.service-retry.portfolio-manager.initial-interval=1s",
        "alpha-panda.streaming.service-retry.portfolio-manager.multiplier=2",
        "alpha-panda.streaming.service-retry.portfolio-manager.max-interval=4s",
        "spring.data.redis.timeout=1s"})
class PortfolioOutageIT {

    @Autowired
    EventPublisher publisher;
    @Autowired
    EmbeddedServers servers;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    StringRedisTemplate redis;
    @LocalServerPort
    int port;

    @Test
    void aShortRedisOutageIsRetriedAndEveryFillAppliedOnceWithNothingDeadLettered() throws Exception {
        StrategyId strategy = PipelineTestSupport.freshStrategy("outage_short");
        InstrumentToken token = PipelineTestSupport.freshInstrument();

        CompletableFuture<Void> outage = CompletableFuture.runAsync(() -> interrupt(Duration.ofSeconds(3)));
        Thread.sleep(300);
        List<String> fillIds = publishFills(strategy, token, 5);
        outage.join();

        awaitPortfolioFillCount(strategy, 5);
        assertThat(ledgerCount(fillIds)).isEqualTo(5);
        assertThat(deadLetters(strategy)).isEmpty();
    }

    @Test
    void anOutageBeyondTheRetryBudgetDeadLettersTheFillsAndReplayAppliesThemExactlyOnce() throws Exception {
        StrategyId strategy = PipelineTestSupport.freshStrategy("outage_long");
        InstrumentToken token = PipelineTestSupport.freshInstrument();

        // the two fills may land on different partitions, whose retries then interleave (about 2 × 11 s of
        // back-off and Redis timeouts): the outage outlasts both retry budgets
        CompletableFuture<Void> outage = CompletableFuture.runAsync(() -> interrupt(Duration.ofSeconds(35)));
        Thread.sleep(300);
        List<String> fillIds = publishFills(strategy, token, 2);
        List<JsonNode> dead = await().atMost(Duration.ofSeconds(90)).until(() -> deadLetters(strategy),
                d -> d.size() == 2);
        outage.join();
        assertThat(dead).allSatisfy(d -> {
            assertThat(d.get("reason").asString()).isEqualTo("max_retries_exceeded");
            assertThat(d.get("service").asString()).isEqualTo("portfolio-manager");
            assertThat(d.get("attempts").asInt()).isEqualTo(4);
        });

        ApiTestClient api = new ApiTestClient(port);
        for (JsonNode d : deadLetters(strategy)) {
            api.post("/api/v1/dlq/" + d.get("id").asString() + "/replay", "", 200);
            api.post("/api/v1/dlq/" + d.get("id").asString() + "/replay", "", 200); // twice: no double effect
        }
        awaitPortfolioFillCount(strategy, 2);
        Thread.sleep(2_000); // time for any duplicate to (wrongly) land
        assertThat(ledgerCount(fillIds)).isEqualTo(2);
        assertThat(portfolio(strategy).get("fill_count").asLong()).isEqualTo(2);
        assertThat(new java.math.BigDecimal(portfolio(strategy).get("cash").asString()))
                .isEqualByComparingTo(new ExpectedBook()
                        .fill(token, SignalType.BUY, 1, new java.math.BigDecimal("100.00"), new java.math.BigDecimal("0.10"))
                        .fill(token, SignalType.BUY, 1, new java.math.BigDecimal("100.00"), new java.math.BigDecimal("0.10"))
                        .cash);
    }

    private void interrupt(Duration downtime) {
        try {
            servers.interruptRedis(downtime);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private List<String> publishFills(StrategyId strategy, InstrumentToken token, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String fillId = "outage-fill-" + strategy.value() + "-" + i;
            ids.add(fillId);
            OrderFilled fill = new OrderFilled("outage-order-" + strategy.value() + "-" + i, fillId, strategy, token,
                    SignalType.BUY, Quantity.of(1), Price.of("100.00"), Money.of("0.10"),
                    PipelineTestSupport.SESSION.plusSeconds(i));
            publisher.publish(Topics.ordersFilled(Broker.PAPER), Envelopes.root(Topics.ordersFilled(Broker.PAPER),
                    fill, "test")).join();
        }
        return ids;
    }

    private long ledgerCount(List<String> fillIds) {
        return jdbc.sql("SELECT count(*) FROM fills WHERE fill_id IN (:ids)").param("ids", fillIds)
                .query(Long.class).single();
    }

    private List<JsonNode> deadLetters(StrategyId strategy) {
        JsonNode page = new ApiTestClient(port).get("/api/v1/dlq?topic=paper.orders.filled&status=PENDING&size=500");
        List<JsonNode> mine = new ArrayList<>();
        page.get("items").forEach(d -> {
            if (d.path("key").asString("").startsWith(strategy.value() + ":")) {
                mine.add(d);
            }
        });
        return mine;
    }

    private JsonNode portfolio(StrategyId strategy) {
        String json = redis.opsForValue().get("paper:portfolio:" + strategy.value());
        return json == null ? null : EventJson.mapper().readTree(json);
    }

    private void awaitPortfolioFillCount(StrategyId strategy, long count) {
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
            JsonNode p = portfolio(strategy);
            return p != null && p.get("fill_count").asLong() == count;
        });
    }
}
