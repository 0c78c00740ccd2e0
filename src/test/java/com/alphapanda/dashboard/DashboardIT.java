package com.alphapanda.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.alphapanda.ApiTestClient;
import com.alphapanda.PipelineTestSupport;
import com.alphapanda.core.event.Broker;
import com.alphapanda.core.topic.Topics;
import com.alphapanda.core.event.Envelope;
import com.alphapanda.core.event.EventPayload;
import com.alphapanda.core.event.MarketTick;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The dashboard in headless Chromium against the application on its embedded servers (Kafka, PostgreSQL, Redis) trading
 * a replayed day: sign-in, the overview's pipeline and trading-state actions, a portfolio updating live from the
 * stream as replayed fills arrive, role-aware buttons.
 * Every test fails on a request to another host or a JavaScript console error, and saves a screenshot under
 * {@code target/dashboard-screenshots/}.
 */
class DashboardIT extends DashboardTestBase {

    private static final List<String> STAGES =
            List.of("market_feed", "strategy_runner", "risk_manager", "trading_engine", "portfolio_manager");

    @Test
    void anAdminSignsInSeesTheOverviewAndSignsOutClearingTheToken() {
        replayedDayPortfolio(); // at least one paper portfolio to sum
        browser.signIn(ApiTestClient.ADMIN_TOKEN);
        browser.await(By.cssSelector("[data-broker-state='paper']"));
        assertThat(browser.await(By.id("who")).getText()).endsWith("(admin)");
        assertThat(browser.await(By.id("market")).getText()).startsWith("Market");
        browser.await(By.cssSelector("table[aria-label='Pipeline stages of paper']"));
        assertThat(browser.await(By.cssSelector("[data-broker-net='paper']")).getText()).matches("-?₹[\\d,]+\\.\\d\\d");
        ApiTestClient api = new ApiTestClient(port);
        // other tests' dead letters may land meanwhile: the page shows what the API said when it loaded
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            String shown = browser.await(By.id("dlq-pending")).getText();
            String alerts = browser.await(By.id("open-alerts")).getText();
            boolean same = shown.equals(api.get("/api/v1/dlq?status=pending&size=1").get("total").asString())
                    && alerts.equals(Integer.toString(api.get("/api/v1/monitoring/alerts").get("active").size()));
            if (!same) {
                browser.driver.navigate().refresh();
            }
            return same;
        });
        assertThat(browser.driver.findElements(By.cssSelector("[data-action][data-broker='paper']"))).isNotEmpty();
        assertThat(browser.driver.executeScript("return sessionStorage.getItem('alpha-panda.token')"))
                .isEqualTo(ApiTestClient.ADMIN_TOKEN);

        browser.driver.findElement(By.id("sign-out")).click();

        browser.await(By.id("token"));
        assertThat(browser.driver.executeScript("return sessionStorage.getItem('alpha-panda.token')")).isNull();
        assertThat(browser.driver.findElement(By.id("nav")).isDisplayed()).isFalse();
    }

    @Test
    void theDashboardFilesArePublicWhileTheApiStillNeedsAToken() {
        ApiTestClient anonymous = new ApiTestClient(port, null);
        for (String path : new String[] {"/", "/index.html", "/dashboard/app.js", "/dashboard/style.css"}) {
            assertThat(anonymous.request("GET", path, null).statusCode()).as(path).isEqualTo(200);
        }
        assertThat(anonymous.request("GET", "/", null).body()).contains("<script type=\"module\" src=\"/dashboard/app.js\">");
        assertThat(anonymous.request("GET", "/api/v1/me", null).statusCode()).isEqualTo(401);
        assertThat(anonymous.request("GET", "/api/v1/stream", null).statusCode()).isEqualTo(401);
        assertThat(anonymous.request("POST", "/dashboard/app.js", "{}").statusCode()).isEqualTo(401);
        var missing = anonymous.request("GET", "/dashboard/missing.js", null);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type")).hasValueSatisfying(t ->
                assertThat(t).startsWith("application/problem+json"));
        browser.open("/");
        browser.await(By.id("token"));
    }

    @Test
    void aWrongTokenShowsAClearSignInError() {
        browser.expectConsoleError("/api/v1/me", "401");
        browser.signIn("ap_not-a-real-token-000000000000");

        assertThat(browser.await(By.id("sign-in-error")).getText())
                .isEqualTo("Sign-in failed: the token is unknown, revoked or expired.");
        assertThat(browser.driver.findElement(By.id("nav")).isDisplayed()).isFalse();
        assertThat(browser.driver.executeScript("return sessionStorage.getItem('alpha-panda.token')")).isNull();
    }

    @Test
    void anOperatorHaltsThenResumesTradingFromTheOverviewAndSeesTheStateChange() {
        browser.signIn(token("operator"));
        By state = By.cssSelector("[data-broker-state='paper']");
        browser.awaitText(state, "Active");

        act("halted", "dashboard test: halt");
        browser.awaitText(state, "Halted");
        assertThat(tradingState()).isEqualTo("HALTED");

        act("active", "dashboard test: resume");
        browser.awaitText(state, "Active");
        assertThat(tradingState()).isEqualTo("ACTIVE");
    }

    @Test
    void thePortfolioPageShowsAPositionChangeWhenAReplayedFillArrivesWithoutReloading() throws Exception {
        replayedDayPortfolio();
        browser.signIn(token("viewer"));
        browser.await(By.cssSelector("[data-broker-state='paper']"));
        browser.open("/#/portfolios/paper/" + ReplayedDay.STRATEGY);
        browser.await(By.cssSelector("[data-position]"));
        Map<String, String> positions = positions();
        int fills = await().atMost(WAIT).until(this::fillCount, n -> n > 0);
        int points = await().atMost(WAIT).alias("the equity curve starts with the portfolio as it is")
                .until(this::curvePoints, n -> n > 0);
        browser.driver.executeScript("window.stillTheSamePage = true");

        // the replay goes on: its next fills change a position on the page
        await().atMost(WAIT).alias("a replayed fill changing a position on the page (the replayed day lasts 25 min)")
                .until(() -> fillCount() > fills && !positions().equals(positions));

        await().atMost(Duration.ofSeconds(30)).until(() -> curvePoints() > points);
        assertThat(browser.driver.executeScript("return window.stillTheSamePage === true")).isEqualTo(true);
        assertThat(browser.driver.findElement(By.id("portfolio-summary")).getText()).contains("₹");
        String newest = new ApiTestClient(port).get("/api/v1/fills?broker=paper&strategy=" + ReplayedDay.STRATEGY
                + "&size=1").at("/items/0/fillId").asString();
        Envelope<EventPayload> tick = ReplayedDay.tickBehind(bootstrapServers, newest)
                .orElseThrow(() -> new AssertionError("no tick behind fill " + newest));
        assertThat(tick.source()).as("published by the market feed").isEqualTo("market_feed");
        assertThat(ReplayedDay.fileTicks()).as("a tick of the replayed file")
                .contains(ReplayedDay.describe((MarketTick) tick.payload()));
    }

    @Test
    void aViewerSeesNoOperatorButtonsAndTheApiRefusesTheActionAnyway() {
        String viewer = token("viewer");
        browser.signIn(viewer);
        browser.await(By.cssSelector("[data-broker-state='paper']"));
        assertThat(browser.await(By.id("who")).getText()).endsWith("(viewer)");
        assertThat(browser.driver.findElements(By.cssSelector("[data-action]"))).isEmpty();

        assertThat(browser.driver.findElements(By.cssSelector("[data-flatten-broker]"))).isEmpty();

        browser.open("/#/dead-letters");
        browser.await(By.cssSelector("#dead-letters .hint, #dead-letters table"));
        assertThat(browser.driver.findElements(By.cssSelector("[data-replay], #bulk-replay, #purge"))).isEmpty();

        replayedDayPortfolio();
        browser.open("/#/portfolios/paper/" + ReplayedDay.STRATEGY);
        browser.await(By.cssSelector("[data-position]"));
        browser.await(By.cssSelector("#rejections .hint, #rejections table"));
        assertThat(browser.driver.findElements(By.cssSelector(
                "[data-flatten-position], [data-flatten-strategy], [data-cancel-order]"))).isEmpty();

        browser.open("/#/strategies");
        browser.await(By.cssSelector("#strategy-list table, #strategy-list .hint"));
        assertThat(browser.driver.findElements(By.cssSelector("[data-flatten-strategy], [data-enable], [data-disable], #new-strategy")))
                .isEmpty();

        assertThat(new ApiTestClient(port, viewer).request("POST", "/api/v1/trading-state/paper",
                "{\"state\":\"halted\",\"reason\":\"viewer tries\"}").statusCode()).isEqualTo(403);
    }

    @Test
    void anAdminSeesABadParameterValueRefusedNextToItsFieldSavesAGoodOneAndEnablesAndDisablesTheStrategy() {
        String id = PipelineTestSupport.freshStrategy("dash_strategy").value();
        long instrument = tradableInstrument();
        new ApiTestClient(port).post("/api/v1/strategies", "{\"id\":\"" + id + "\",\"type\":\"momentum\","
                + "\"instruments\":[" + instrument + "],\"parameters\":{\"lookback_periods\":5},\"active\":false}", 201);
        browser.expectConsoleError("/api/v1/strategies/" + id + "/parameters", "400"); // the refused value
        browser.signIn(ApiTestClient.ADMIN_TOKEN);
        browser.await(By.cssSelector("[data-broker-state='paper']"));
        browser.open("/#/strategies");
        browser.await(By.linkText(id)).click();
        var field = browser.await(By.id("param-lookback_periods"));
        field.clear();
        field.sendKeys("1");
        browser.driver.findElement(By.cssSelector("#parameters button[type=submit]")).click();

        var error = browser.await(By.id("param-lookback_periods-error"));
        assertThat(error.getText()).isEqualTo("parameter 'lookback_periods' must be a whole number from 2 to 5000, was '1'");
        assertThat(field.getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(new ApiTestClient(port).get("/api/v1/strategies/" + id).get("parameters").get("lookback_periods")
                .asInt()).as("nothing stored").isEqualTo(5);

        field.clear();
        field.sendKeys("7");
        var unset = browser.await(By.id("param-threshold")); // the type's parameter this strategy did not set
        assertThat(unset.getDomAttribute("placeholder")).isEqualTo("default 0.01");
        unset.sendKeys("0.02");
        browser.driver.findElement(By.cssSelector("#parameters button[type=submit]")).click();
        browser.awaitText(By.id("strategy-saved"), "Saved.");
        var parameters = new ApiTestClient(port).get("/api/v1/strategies/" + id).get("parameters");
        assertThat(parameters.get("lookback_periods").asInt()).isEqualTo(7);
        assertThat(parameters.get("threshold").asString()).isEqualTo("0.02");

        browser.open("/#/strategies");
        browser.click(By.cssSelector("button[data-enable='" + id + "']"));
        browser.await(By.id("confirm-ok")).click();
        browser.awaitText(By.cssSelector("[data-active='" + id + "']"), "yes");
        browser.click(By.cssSelector("button[data-disable='" + id + "']"));
        browser.await(By.id("confirm-ok")).click();
        browser.awaitText(By.cssSelector("[data-active='" + id + "']"), "no");
        assertThat(new ApiTestClient(port).get("/api/v1/strategies/" + id).get("active").asBoolean()).isFalse();
    }

    @Test
    void aLostStreamShowsTheBannerAndTheDashboardReconnects() throws Exception {
        browser.close();
        try (CuttableProxy proxy = new CuttableProxy(port)) {
            browser = new DashboardBrowser(proxy.port());
            browser.signIn(ApiTestClient.ADMIN_TOKEN);
            browser.await(By.cssSelector("[data-broker-state='paper']"));
            assertThat(browser.driver.findElement(By.id("stream-banner")).isDisplayed()).isFalse();
            browser.expectConsoleError("/api/v1/stream", "net::ERR_"); // the cut stream and the refused retries

            proxy.cut();
            assertThat(browser.await(By.id("stream-banner")).getText()).isEqualTo("Live updates lost: reconnecting…");

            proxy.restore();
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    !browser.driver.findElement(By.id("stream-banner")).isDisplayed());
        }
    }

    @Test
    void anOperatorReplaysADeadLetterFromTheList() throws Exception {
        String marker = "dashboard-poison-" + UUID.randomUUID();
        sendRaw(Topics.ordersFilled(Broker.PAPER).name(), marker, "{\"not\":\"an envelope\"}");
        ApiTestClient api = new ApiTestClient(port);
        String id = await().atMost(Duration.ofSeconds(60)).until(() -> deadLetterId(api, marker), d -> d != null);

        browser.signIn(token("operator"));
        browser.await(By.cssSelector("[data-broker-state='paper']"));
        browser.open("/#/dead-letters");
        browser.await(By.id("dlq-topic")).sendKeys(Topics.ordersFilled(Broker.PAPER).name());
        browser.driver.findElement(By.cssSelector("#dlq-filter button[type=submit]")).click();
        browser.click(By.cssSelector("button[data-replay='" + id + "']"));
        browser.await(By.id("confirm-ok")).click();

        browser.awaitText(By.id("dlq-message"), "Replayed " + id + ".");
        assertThat(api.get("/api/v1/dlq/" + id).get("replayCount").asInt()).isEqualTo(1);
    }

    @Test
    void moneyIsShownInRupeesWithIndianGroupingRoundedHalfUpToPaiseFromTheExactStringAndSummedExactly() {
        browser.open("/");
        browser.await(By.id("token"));
        Object formatted = browser.driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                import('/dashboard/format.js').then((f) => done([f.inr('1234567.891'), f.inr('-990.20465'),
                  f.inr('0.005'), f.inr('-0.004'), f.inr('100'), f.inr('12345678901234567890.125'), f.inr('999.995'),
                  f.addAmounts(['990.20465', '-12.5', '0.00']), f.addAmounts(['0.1', '0.2']),
                  f.addAmounts(['-1.005', '0.004']), f.addAmounts([])]));
                """);
        assertThat(formatted).isEqualTo(java.util.List.of("₹12,34,567.89", "-₹990.20", "₹0.01", "₹0.00", "₹100.00",
                "₹1,23,45,67,89,01,23,45,67,890.13", "₹1,000.00", "977.70465", "0.30", "-1.001", "0.00"));
    }

    @Test
    void theOverviewShowsEveryPipelineStageWorkingOnTheReplayedDayLiveWithoutReloading() {
        replayedDayPortfolio();
        browser.signIn(token("viewer"));
        browser.await(By.cssSelector("table[aria-label='Pipeline stages of paper']"));
        Map<String, Long> before = await().atMost(WAIT).until(this::pipelineEvents,
                events -> events.keySet().containsAll(STAGES) && STAGES.stream().allMatch(s -> events.get(s) > 0));
        browser.driver.executeScript("window.stillTheSamePage = true");

        // the pipeline status comes over the stream at every evaluation (10 s): the replay's ticks keep coming
        await().atMost(WAIT).alias("the replayed ticks counted again, live").until(() -> {
            Map<String, Long> now = pipelineEvents();
            return now.get("market_feed") > before.get("market_feed")
                    && now.get("strategy_runner") > before.get("strategy_runner");
        });

        assertThat(browser.driver.executeScript("return window.stillTheSamePage === true")).isEqualTo(true);
        assertThat(pipelineStages().values()).as("a last activity on every stage")
                .allSatisfy(cells -> assertThat(cells.get(4)).isNotEqualTo("—"));
        browser.driver.executeScript("document.getElementById('pipeline').scrollIntoView()");
    }

    /** The events count per stage in the overview's pipeline table of paper. */
    private Map<String, Long> pipelineEvents() {
        Map<String, Long> events = new HashMap<>();
        pipelineStages().forEach((stage, cells) -> events.put(stage, Long.parseLong(cells.get(2).replaceAll("\\D", ""))));
        return events;
    }

    /** The cells' text of each row of the overview's pipeline table of paper, by stage, read in one script call. */
    @SuppressWarnings("unchecked")
    private Map<String, List<String>> pipelineStages() {
        return (Map<String, List<String>>) browser.driver.executeScript("""
                const table = document.querySelector("table[aria-label='Pipeline stages of paper']");
                return Object.fromEntries(table ? [...table.tBodies[0].rows].map((r) => [r.cells[0].innerText.trim(),
                  [...r.cells].map((c) => c.innerText.trim())]) : []);""");
    }

    /** The positions on the page: instrument token → quantity shown. */
    @SuppressWarnings("unchecked")
    private Map<String, String> positions() {
        return (Map<String, String>) browser.driver.executeScript("""
                return Object.fromEntries([...document.querySelectorAll('[data-position]')]
                  .map((e) => [e.dataset.position, e.innerText.trim()]));""");
    }

    /** The fill count in the portfolio's summary (read in one script call: the summary is redrawn on every event). */
    private int fillCount() {
        return numberShown("return document.getElementById('fill-count')?.innerText ?? ''");
    }

    /** The equity curve's point count (read in one script call: the chart is redrawn on live updates); -1 if none. */
    private int curvePoints() {
        browser.await(By.id("equity-chart"));
        return numberShown("return document.getElementById('equity-chart')?.getAttribute('data-points') ?? ''");
    }

    /** The digits of what a script returns, as a number; -1 when there are none. */
    private int numberShown(String script) {
        String digits = String.valueOf(browser.driver.executeScript(script)).replaceAll("\\D", "");
        return digits.isEmpty() ? -1 : Integer.parseInt(digits);
    }

    private void act(String action, String reason) {
        browser.click(By.cssSelector("button[data-action='" + action + "'][data-broker='paper']"));
        browser.await(By.id("confirm-reason")).sendKeys(reason);
        browser.driver.findElement(By.id("confirm-ok")).click();
    }

    private String tradingState() {
        for (var item : new ApiTestClient(port).get("/api/v1/trading-state").get("items")) {
            if (item.get("broker").asString().equals("paper")) {
                return item.get("state").asString();
            }
        }
        throw new AssertionError("no paper broker in the trading state");
    }
}
