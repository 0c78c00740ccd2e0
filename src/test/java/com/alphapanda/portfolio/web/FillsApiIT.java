package com.alphapanda.portfolio.web;

import static com.alphapanda.PipelineTestSupport.SESSION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.alphapanda.ApiTestClient;
import com.alphapanda.PipelineTestSupport;
import com.alphapanda.core.event.SignalType;
import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.core.id.StrategyId;
import com.alphapanda.core.streaming.EventPublisher;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Fills from the ledger over the REST API (context of PlatformIT). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "alpha-panda.brokers=paper,zerodha")
class FillsApiIT {

    @LocalServerPort
    int port;
    @Autowired
    EventPublisher publisher;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aFilledSignalAppearsAmongTheRecentFillsWithItsOrder() {
        PipelineTestSupport pipeline = new PipelineTestSupport(publisher, port);
        pipeline.ensurePaperTradingActive(jdbc);
        StrategyId strategy = PipelineTestSupport.freshStrategy("fills");
        InstrumentToken token = PipelineTestSupport.freshInstrument();
        pipeline.tick(token, "100", SESSION);
        pipeline.signal(strategy, token, SignalType.BUY, 10, "100", null, SESSION.plusSeconds(1));
        ApiTestClient api = new ApiTestClient(port);
        JsonNode fills = await().atMost(Duration.ofSeconds(30)).until(
                () -> api.get("/api/v1/fills?broker=paper&strategy=" + strategy.value()).get("items"),
                f -> f.size() == 1);

        JsonNode fill = fills.get(0);
        assertThat(fill.get("strategyId").asString()).isEqualTo(strategy.value());
        assertThat(fill.get("instrumentToken").asLong()).isEqualTo(token.value());
        assertThat(fill.get("side").asString()).isEqualTo("BUY");
        assertThat(fill.get("quantity").asLong()).isEqualTo(10);
        assertThat(fill.get("price").isString()).as("decimal as string").isTrue();
        JsonNode order = api.get("/api/v1/orders?strategy=" + strategy.value()).get("items").get(0);
        assertThat(fill.get("orderId").asString()).isEqualTo(order.get("orderId").asString());
        assertThat(fill.get("fillId").asString()).isEqualTo(order.at("/fills/0/fillId").asString());

        assertThat(api.get("/api/v1/fills?broker=zerodha&strategy=" + strategy.value()).get("items").size()).isZero();
        JsonNode firstPage = api.get("/api/v1/fills?size=1");
        assertThat(firstPage.get("items").size()).isEqualTo(1);
        assertThat(firstPage.get("total").asLong()).as("every fill of the ledger").isPositive();
        if (firstPage.get("total").asLong() > 1) {
            assertThat(api.get("/api/v1/fills?size=1&page=1").get("items").get(0).get("fillId").asString())
                    .isNotEqualTo(firstPage.get("items").get(0).get("fillId").asString());
        }
    }

    @Test
    void badFillQueriesAre400s() {
        ApiTestClient api = new ApiTestClient(port);
        assertThat(api.request("GET", "/api/v1/fills?size=0", null).body()).contains("size must be");
        assertThat(api.request("GET", "/api/v1/fills?size=many", null).statusCode()).isEqualTo(400);
        assertThat(api.request("GET", "/api/v1/fills?broker=nasdaq", null).body()).contains("unknown broker");
        assertThat(api.request("GET", "/api/v1/fills?strategy=a%20b", null).statusCode()).isEqualTo(400);
    }
}
