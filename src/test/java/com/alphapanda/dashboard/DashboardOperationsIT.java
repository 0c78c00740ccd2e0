package com.alphapanda.dashboard;

import static com.alphapanda.PipelineTestSupport.SESSION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.alphapanda.ApiTestClient;
import com.alphapanda.PipelineTestSupport;
import com.alphapanda.core.event.Broker;
import com.alphapanda.core.event.OrderInstruction;
import com.alphapanda.core.event.OrderType;
import com.alphapanda.core.event.SignalType;
import com.alphapanda.core.event.TimeInForce;
import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.core.id.StrategyId;
import com.alphapanda.core.json.EventJson;
import com.alphapanda.core.money.Price;
import com.alphapanda.core.topic.Topics;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The dashboard's operator actions in headless Chromium, on real data: a reconciliation discrepancy resolved (and no
 * Resolve button for a viewer), an order cancelled and positions flattened (a position, a strategy; the broker's
 * confirmation), dead letters read decoded, replayed in bulk after a dry run, and purged.
 */
class DashboardOperationsIT extends DashboardTestBase {

    private static final OrderInstruction LIMIT_90 =
            new OrderInstruction(OrderType.LIMIT, TimeInForce.DAY, Price.of("90"), null, null);
    private static final DateTimeFormatter IST_LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    @Autowired
    StringRedisTemplate redis;

    @Test
    void anOperatorResolvesAReconciliationDiscrepancyAfterConfirmingWhileAViewerSeesNoResolveButton()
            throws Exception {
        String id = discrepancy();

        browser.signIn(token("viewer"));
        browser.await(By.cssSelector("[data-broker-state='paper']"));
        browser.open("/#/monitoring");
        browser.awaitText(By.cssSelector("[data-discrepancy='" + id + "']"), "open");
        assertThat(browser.driver.findElements(By.cssSelector("[data-resolve]"))).isEmpty();
        browser.driver.findElement(By.id("sign-out")).click();

        browser.signIn(token("operator"));
        browser.await(By.cssSelector("[data-broker-state='paper']"));
        browser.open("/#/monitoring");
        browser.click(By.cssSelector("button[data-resolve='" + id + "']"));
        assertThat(browser.await(By.id("confirm-reason-label")).getText()).isEqualTo("Note (why it is resolved)");
        browser.confirm("dashboard test: read model edited by hand");

        assertThat(browser.awaitTextContaining(By.id("discrepancy-message"), "Resolved " + id))
                .endsWith("now reconciled.");
        assertThat(jdbc.sql("SELECT note FROM reconciliation_actions WHERE discrepancy_id = :id")
                .param("id", UUID.fromString(id)).query(String.class).list())
                .containsExactly("dashboard test: read model edited by hand");
        browser.driver.findElement(By.cssSelector("#discrepancy-status option[value='']")).click();
        browser.awaitText(By.cssSelector("[data-discrepancy='" + id + "']"), "resolved");
    }

    @Test
    void anOperatorCancelsAWorkingOrderAndFlattensAPositionFromThePortfolioPageWithoutReloading() throws Exception {
        PipelineTestSupport pipeline = new PipelineTestSupport(publisher, port);
        pipeline.ensurePaperTradingActive(jdbc);
        StrategyId strategy = PipelineTestSupport.freshStrategy("dash_ops");
        InstrumentToken instrument = PipelineTestSupport.freshInstrument();
        pipeline.tick(instrument, "100", SESSION);
        pipeline.signal(strategy, instrument, SignalType.BUY, 10, "100", null, SESSION.plusSeconds(1));
        awaitPosition(strategy, instrument, 10);
        pipeline.signal(strategy, instrument, SignalType.BUY, 5, "100", LIMIT_90, SESSION.plusSeconds(2));
        ApiTestClient api = new ApiTestClient(port);
        String base = "/api/v1/orders?strategy=" + strategy.value();
        JsonNode working = await().atMost(WAIT).until(() -> api.get(base + "&working=true"),
                page -> page.get("total").asLong() == 1);
        String orderId = working.at("/items/0/orderId").asString();
        assertThat(working.at("/items/0/status").asString()).isEqualTo("open");
        assertThat(api.get(base).get("total").asLong()).as("the filled order is not working").isEqualTo(2);
        assertThat(api.request("GET", base + "&working=maybe", null).statusCode()).isEqualTo(400);
        List<String> documented = new ArrayList<>();
        api.get("/v3/api-docs").at("/paths/~1api~1v1~1orders/get/parameters")
                .forEach(p -> documented.add(p.get("name").asString() + ":" + p.at("/schema/type").asString("")));
        assertThat(documented).as("the OpenAPI description").contains("working:boolean");

        browser.signIn(token("operator"));
        browser.await(By.cssSelector("[data-broker-state='paper']"));
        browser.open("/#/portfolios/paper/" + strategy.value());
        browser.awaitText(By.cssSelector("[data-position='" + instrument.value() + "']"), "10");
        assertThat(browser.await(By.id("equity-chart")).getDomAttribute("data-points")).isNotEqualTo("0");
        browser.driver.executeScript("window.stillTheSamePage = true");

        browser.click(By.cssSelector("button[data-cancel-order='" + orderId + "']"));
        browser.confirm("dashboard test: cancel");
        browser.awaitTextContaining(By.id("portfolio-message"), "Sent 1 cancel and 0 closing orders");
        browser.awaitText(By.cssSelector("#orders [data-order-status='" + orderId + "']"), "cancelled");
        browser.awaitTextContaining(By.id("working-orders"), "No working orders.");

        browser.click(By.cssSelector("button[data-flatten-position='" + instrument.value() + "']"));
        browser.confirm("dashboard test: flatten");
        browser.awaitText(By.cssSelector("[data-position='" + instrument.value() + "']"), "0");
        assertThat(browser.driver.findElements(By.cssSelector("[data-flatten-position]"))).isEmpty();
        assertThat(browser.driver.executeScript("return window.stillTheSamePage === true")).isEqualTo(true);
        JsonNode cancelled = order(api, base, orderId);
        assertThat(cancelled.get("status").asString()).isEqualTo("cancelled");
        assertThat(cancelled.get("reason").asString()).endsWith(": dashboard test: cancel");
    }

    @Test
    void anOperatorFlattensAStrategyFromTheStrategiesPageAndIsAskedBeforeFlatteningABroker() {
        PipelineTestSupport pipeline = new PipelineTestSupport(publisher, port);
        pipeline.ensurePaperTradingActive(jdbc);
        StrategyId strategy = PipelineTestSupport.freshStrategy("dash_flat");
        InstrumentToken instrument = PipelineTestSupport.freshInstrument();
        pipeline.tick(instrument, "100", SESSION);
        pipeline.signal(strategy, instrument, SignalType.BUY, 4, "100", null, SESSION.plusSeconds(1));
        awaitPosition(strategy, instrument, 4);
        new ApiTestClient(port).post("/api/v1/strategies", "{\"id\":\"" + strategy.value() + "\",\"type\":\"momentum\","
                + "\"instruments\":[" + tradableInstrument() + "],\"parameters\":{\"lookback_periods\":5},"
                + "\"active\":false}", 201);

        browser.signIn(token("operator"));
        browser.await(By.cssSelector("[data-broker-state='paper']"));
        browser.click(By.cssSelector("button[data-flatten-broker='paper']"));
        assertThat(browser.await(By.id("confirm-title")).getText()).isEqualTo("Flatten every strategy on paper");
        browser.driver.findElement(By.id("confirm-cancel")).click();
        assertThat(browser.driver.findElement(By.id("confirm")).isDisplayed()).isFalse();

        browser.open("/#/strategies");
        browser.click(By.cssSelector("button[data-flatten-strategy='" + strategy.value() + "'][data-broker='paper']"));
        browser.confirm("dashboard test: flatten the strategy");

        browser.awaitTextContaining(By.id("strategy-message"), "Sent 0 cancels and 1 closing order");
        awaitPosition(strategy, instrument, 0);
    }

    @Test
    void anOperatorPreviewsABulkReplayWithADryRunReplaysItThenPurgesAndReadsOneDecoded() throws Exception {
        Instant from = Instant.now().minusSeconds(60);
        String topic = Topics.ordersFilled(Broker.PAPER).name();
        List<String> ids = new ArrayList<>();
        ApiTestClient api = new ApiTestClient(port);
        for (int i = 0; i < 2; i++) {
            String marker = "dashboard-bulk-" + UUID.randomUUID();
            sendRaw(topic, marker, "{\"not\":\"an envelope\"}");
            ids.add(await().atMost(WAIT).until(() -> deadLetterId(api, marker), d -> d != null));
        }
        Instant to = Instant.now().plusSeconds(60);

        browser.signIn(token("operator"));
        browser.await(By.cssSelector("[data-broker-state='paper']"));
        browser.open("/#/dead-letters/" + ids.get(0));
        assertThat(browser.await(By.id("dlq-payload")).getText()).contains("\"not\": \"an envelope\"");
        assertThat(browser.await(By.id("dlq-error")).getText()).isNotEqualTo("—");

        browser.open("/#/dead-letters");
        browser.await(By.id("bulk-topic")).sendKeys(topic);
        browser.setValue(By.id("bulk-from"), ist(to));
        browser.setValue(By.id("bulk-to"), ist(from));
        browser.expectConsoleError("/api/v1/dlq/replay", "400"); // the range the wrong way round
        browser.click(By.id("bulk-preview-run"));
        assertThat(browser.await(By.cssSelector("#bulk-preview .error")).getText()).contains("must be after");
        browser.setValue(By.id("bulk-from"), ist(from));
        browser.setValue(By.id("bulk-to"), ist(to));
        browser.click(By.id("bulk-preview-run"));
        String preview = browser.awaitTextContaining(By.id("bulk-matched"), "Dry run: ");
        int matched = Integer.parseInt(preview.replaceAll("\\D", ""));
        assertThat(matched).isGreaterThanOrEqualTo(2);
        for (String id : ids) {
            assertThat(status(api, id)).as("a dry run replays nothing").isEqualTo("PENDING");
        }
        browser.click(By.id("bulk-replay-run"));
        browser.confirm(null);
        browser.awaitTextContaining(By.id("dlq-message"), "Replayed ");
        for (String id : ids) {
            assertThat(status(api, id)).isEqualTo("REPLAYED");
        }

        Thread.sleep(1100); // purge what was dead-lettered up to a second ago: ours included
        browser.setValue(By.id("purge-before"), ist(Instant.now().minusMillis(100)));
        browser.click(By.id("purge-run"));
        assertThat(browser.await(By.id("confirm-text")).getText()).contains("not purged yet", "cannot be undone");
        browser.confirm(null);
        browser.awaitTextContaining(By.id("dlq-message"), "Purged ");
        for (String id : ids) {
            assertThat(status(api, id)).isEqualTo("PURGED");
        }
    }

    /** A real discrepancy: the read model of a fresh portfolio edited by hand, found by a reconciliation run. */
    private String discrepancy() {
        StrategyId strategy = PipelineTestSupport.freshStrategy("dash_recon");
        fill(strategy, PipelineTestSupport.freshInstrument(), 1, 0);
        ApiTestClient api = new ApiTestClient(port);
        await().atMost(WAIT).ignoreExceptions()
                .until(() -> api.get("/api/v1/portfolios/paper/" + strategy.value()).get("fillCount").asInt() == 1);
        String key = "paper:portfolio:" + strategy.value();
        ObjectNode view = (ObjectNode) EventJson.mapper().readTree(redis.opsForValue().get(key));
        BigDecimal delta = new BigDecimal("7.25");
        ObjectNode position = (ObjectNode) view.get("positions").get(0);
        position.put("realized_pnl", new BigDecimal(position.get("realized_pnl").asString()).add(delta).toPlainString());
        view.put("realized_pnl", new BigDecimal(view.get("realized_pnl").asString()).add(delta).toPlainString());
        view.put("net_pnl", new BigDecimal(view.get("net_pnl").asString()).add(delta).toPlainString());
        redis.opsForValue().set(key, EventJson.mapper().writeValueAsString(view));
        api.post("/api/v1/reconciliation/paper/run", null, 200);
        return await().atMost(WAIT).until(() -> {
            for (JsonNode d : api.get("/api/v1/reconciliation/discrepancies?status=open&size=500").get("items")) {
                if (d.get("portfolioId").asString().equals("paper:" + strategy.value())) {
                    return d.get("id").asString();
                }
            }
            return null;
        }, d -> d != null);
    }

    private void awaitPosition(StrategyId strategy, InstrumentToken instrument, long quantity) {
        await().atMost(WAIT).until(() -> jdbc.sql("""
                        SELECT COALESCE(MAX(quantity), 0) FROM positions
                        WHERE broker = 'paper' AND strategy_id = :s AND instrument_token = :t""")
                .param("s", strategy.value()).param("t", instrument.value()).query(Long.class).single() == quantity);
    }

    private static JsonNode order(ApiTestClient api, String base, String orderId) {
        for (JsonNode o : api.get(base).get("items")) {
            if (o.get("orderId").asString().equals(orderId)) {
                return o;
            }
        }
        return null;
    }

    private static String status(ApiTestClient api, String deadLetterId) {
        return api.get("/api/v1/dlq/" + deadLetterId).get("status").asString();
    }

    private static String ist(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneId.of("Asia/Kolkata")).format(IST_LOCAL);
    }
}
