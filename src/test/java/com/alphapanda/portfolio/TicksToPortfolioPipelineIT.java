package com.alphapanda.portfolio;

import static com.alphapanda.PipelineTestSupport.SESSION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.alphapanda.PipelineTestSupport;
import com.alphapanda.core.event.SignalType;
import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.core.id.StrategyId;
import com.alphapanda.core.json.EventJson;
import com.alphapanda.core.streaming.EventPublisher;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The whole pipeline on the embedded servers: ticks → strategy runner (a momentum strategy configured in the
 * database) → risk manager → paper venue → portfolio manager → Redis read model and REST, compared with an
 * independent calculation.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "alpha-panda.strategies.reload-interval=300ms")
class TicksToPortfolioPipelineIT {

    @Autowired
    EventPublisher publisher;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MeterRegistry meters;
    @LocalServerPort
    int port;

    @Test
    void ticksBecomeSignalsFillsAndAPortfolioEqualToAnIndependentCalculation() {
        PipelineTestSupport pipeline = new PipelineTestSupport(publisher, port);
        pipeline.ensurePaperTradingActive(jdbc);
        StrategyId strategy = PipelineTestSupport.freshStrategy("ticks_e2e");
        double activeBefore = meters.get("strategy.active").gauge().value();
        InstrumentToken token = PipelineTestSupport.freshInstrument();
        jdbc.sql("INSERT INTO strategy_configurations (id, strategy_type, instruments, parameters, target_brokers) "
                        + "VALUES (:id, 'momentum', CAST(:instruments AS jsonb), CAST(:parameters AS jsonb), "
                        + "ARRAY['paper'])")
                .param("id", strategy.value()).param("instruments", "[" + token.value() + "]")
                .param("parameters", "{\"lookback_periods\": 2, \"threshold\": 0.005, \"position_size\": 10}")
                .update();
        // the runner picks the new strategy up without a restart (hot reload)
        await().atMost(Duration.ofSeconds(30)).until(() -> meters.get("strategy.active").gauge().value() >= activeBefore + 1);

        // momentum over 2 ticks, threshold 0.5 %: 100 → 101 (+1 %) BUY, → 102 (+0.99 %) BUY, → 101.5 (−0.49 %) nothing
        // A market order meets the venue's last tick: each fill is awaited before the next tick, so the venue cannot
        // have seen a later tick when a signal arrives (live, it might: that is the latency the venue models).
        pipeline.tick(token, "100", SESSION.plusSeconds(9));
        pipeline.tick(token, "101", SESSION.plusSeconds(10));
        awaitFills(strategy, 1);
        pipeline.tick(token, "102", SESSION.plusSeconds(11));
        awaitFills(strategy, 2);
        pipeline.tick(token, "101.5", SESSION.plusSeconds(12));

        ExpectedBook expected = new ExpectedBook()
                .fill(token, SignalType.BUY, 10, ExpectedBook.buyPrice("101"))
                .fill(token, SignalType.BUY, 10, ExpectedBook.buyPrice("102"));
        BigDecimal unrealized = expected.unrealized(Map.of(token, new BigDecimal("101.5")));
        JsonNode portfolio = await().atMost(Duration.ofSeconds(60)).until(() -> stored(strategy),
                p -> p != null && p.get("fill_count").asLong() == 2
                        && decimal(p, "unrealized_pnl").compareTo(unrealized) == 0);

        assertThat(decimal(portfolio, "cash")).isEqualByComparingTo(expected.cash);
        assertThat(decimal(portfolio, "fees")).isEqualByComparingTo(expected.fees);
        assertThat(decimal(portfolio, "realized_pnl")).isEqualByComparingTo("0");
        assertThat(decimal(portfolio, "net_pnl")).isEqualByComparingTo(unrealized.subtract(expected.fees));
        JsonNode rest = EventJson.mapper().readTree(pipeline.get("/api/v1/portfolios/paper/" + strategy.value())
                .body());
        JsonNode stored = stored(strategy);
        assertThat(rest.get("strategyId").asString()).isEqualTo(strategy.value());
        assertThat(rest.get("fillCount").asLong()).isEqualTo(stored.get("fill_count").asLong());
        for (String[] names : new String[][] {{"cash", "cash"}, {"fees", "fees"}, {"netPnl", "net_pnl"},
                {"unrealizedPnl", "unrealized_pnl"}, {"totalValue", "total_value"}}) {
            assertThat(decimal(rest, names[0])).as("the stored %s, exactly", names[1])
                    .isEqualByComparingTo(decimal(stored, names[1]));
        }
    }

    private void awaitFills(StrategyId strategy, long count) {
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("SELECT count(*) FROM fills WHERE strategy_id = :s")
                .param("s", strategy.value()).query(Long.class).single() >= count);
    }

    private JsonNode stored(StrategyId strategy) {
        String json = redis.opsForValue().get("paper:portfolio:" + strategy.value());
        return json == null ? null : EventJson.mapper().readTree(json);
    }

    private static BigDecimal decimal(JsonNode node, String field) {
        return new BigDecimal(node.get(field).asString());
    }
}
