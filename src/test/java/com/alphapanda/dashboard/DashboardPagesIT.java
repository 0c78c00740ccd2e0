package com.alphapanda.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphapanda.ApiTestClient;
import com.alphapanda.PipelineTestSupport;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

/**
 * Dashboard pages in headless Chromium on real data: the monitoring page's lag table, creating a strategy with the
 * API's problems under each field, a problem detail where the data would be, and the pages at phone width.
 */
class DashboardPagesIT extends DashboardTestBase {


    @Test
    void aViewerSeesTheLagTablePerGroupTopicAndPartitionWithTimeLagAndStatus() {
        JsonNode found = null;
        for (JsonNode g : new ApiTestClient(port).get("/api/v1/monitoring/lag").get("groups")) {
            if (found == null && !g.get("partitions").isEmpty()) {
                found = g;
            }
        }
        assertThat(found).as("a monitored group with partitions").isNotNull();
        JsonNode group = found;
        JsonNode partition = group.get("partitions").get(0);

        browser.signIn(token("viewer"));
        assertThat(browser.await(By.cssSelector("table[aria-label='Consumer lag status per group']")).getText())
                .as("the overview's lag status per group").contains(group.get("group").asString());
        browser.click(By.cssSelector("#nav a[data-page='monitoring']"));
        WebElement topics = browser.await(By.cssSelector("table[aria-label='Consumer lag per topic']"));
        assertThat(rows(topics)).anySatisfy(cells -> assertThat(cells.subList(0, 2))
                .isEqualTo(List.of(group.get("group").asString(), partition.get("topic").asString())));
        assertThat(browser.await(By.id("lag-only-lagging")).isSelected()).as("only lagging partitions at first").isTrue();
        browser.click(By.id("lag-only-lagging"));

        WebElement table = browser.await(By.cssSelector("table[aria-label='Consumer lag per partition']"));
        assertThat(table.findElements(By.cssSelector("th")).stream().map(th -> th.getDomProperty("textContent"))
                .toList()).containsExactly("Group", "Topic", "Partition", "Committed", "End", "Lag", "Time lag", "Status");
        List<String> row = List.of(group.get("group").asString(), partition.get("topic").asString(),
                partition.get("partition").asString());
        assertThat(rows(table)).anySatisfy(cells -> {
            assertThat(cells.subList(0, 3)).isEqualTo(row);
            assertThat(cells.get(6)).matches("—|\\d+\\.\\d s");
            assertThat(cells.get(7)).isIn("OK", "WARN", "STALL", "STOP", "REWIND", "ERROR");
        });
        assertThat(browser.await(By.cssSelector("[data-group-status='" + group.get("group").asString() + "']"))
                .getText()).isIn("OK", "WARN", "STALL", "STOP", "REWIND", "ERROR");
        assertThat(browser.await(By.id("alerts")).getText()).contains("Open (", "Recently cleared");
        browser.driver.executeScript("window.scrollTo(0, 0)"); // the screenshot shows the page from its top
    }

    @Test
    void theOverviewAndThePortfolioPageDoNotScrollSidewaysAtPhoneWidth() throws Exception {
        replayedDayPortfolio();
        browser.emulatePhone();
        browser.signIn(token("operator"));
        browser.await(By.cssSelector("[data-broker-state='paper']"));
        browser.await(By.cssSelector("table[aria-label='Pipeline stages of paper']"));
        browser.await(By.cssSelector("table[aria-label='Consumer lag status per group']"));
        assertThat(browser.viewportWidth()).isEqualTo(390);
        assertThat(browser.horizontalOverflow()).as("overview: pixels wider than the phone").isLessThanOrEqualTo(0);
        browser.screenshot("phone-overview");

        browser.open("/#/portfolios/paper/" + ReplayedDay.STRATEGY);
        browser.await(By.cssSelector("[data-position]"));
        browser.await(By.id("equity-chart"));
        browser.await(By.cssSelector("#rejections .hint, #rejections table"));
        assertThat(browser.horizontalOverflow()).as("portfolio: pixels wider than the phone").isLessThanOrEqualTo(0);
    }

    @Test
    void anAdminCreatesAStrategyAfterSeeingEachRefusedValueUnderItsField() {
        String id = PipelineTestSupport.freshStrategy("dash_new").value();
        long instrument = tradableInstrument();
        long outside = PipelineTestSupport.freshInstrument().value(); // not in the trading universe
        browser.expectConsoleError("/api/v1/strategies", "400");
        browser.signIn(ApiTestClient.ADMIN_TOKEN);
        browser.await(By.cssSelector("[data-broker-state='paper']"));
        browser.open("/#/strategies");
        browser.await(By.id("new-id")).sendKeys(id);
        browser.click(By.cssSelector("#new-type option[value='momentum']"));
        assertThat(browser.await(By.id("new-defaults")).getText()).contains("lookback_periods = ");
        browser.driver.findElement(By.id("new-instruments")).sendKeys(Long.toString(outside));
        browser.driver.findElement(By.id("new-parameters")).sendKeys("{\"lookback_periods\": 1}");
        browser.click(By.cssSelector("#new-strategy button[type=submit]"));

        assertThat(browser.await(By.id("new-instruments-error")).getText()).contains("outside the trading universe");
        assertThat(browser.await(By.id("new-parameters-error")).getText())
                .isEqualTo("parameter 'lookback_periods' must be a whole number from 2 to 5000, was '1'");
        assertThat(browser.driver.findElement(By.id("new-parameters")).getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(new ApiTestClient(port).request("GET", "/api/v1/strategies/" + id, null).statusCode())
                .as("nothing stored").isEqualTo(404);

        browser.driver.findElement(By.id("new-instruments")).clear();
        browser.driver.findElement(By.id("new-instruments")).sendKeys(Long.toString(instrument));
        browser.driver.findElement(By.id("new-parameters")).clear();
        browser.driver.findElement(By.id("new-parameters")).sendKeys("{\"lookback_periods\": 7}");
        browser.click(By.cssSelector("#new-strategy button[type=submit]"));

        browser.awaitText(By.id("strategy-message"), "Created " + id + ".");
        browser.await(By.linkText(id));
        JsonNode stored = new ApiTestClient(port).get("/api/v1/strategies/" + id);
        assertThat(stored.at("/parameters/lookback_periods").asInt()).isEqualTo(7);
        assertThat(stored.get("active").asBoolean()).isFalse();
        assertThat(stored.get("instruments").get(0).asLong()).isEqualTo(instrument);
    }

    @Test
    void anUnknownPortfolioOrDeadLetterShowsTheApiProblemDetailNeverABlankPage() {
        ApiTestClient api = new ApiTestClient(port);
        UUID unknown = UUID.randomUUID();
        String missing = "/api/v1/dlq/" + unknown;
        String dlqDetail = ApiTestClient.JSON.readTree(api.request("GET", missing, null).body()).get("detail").asString();
        String nobody = "dash_nobody_" + UUID.randomUUID().toString().substring(0, 8);
        String portfolio = "/api/v1/portfolios/paper/" + nobody;
        String portfolioDetail = ApiTestClient.JSON.readTree(api.request("GET", portfolio, null).body()).get("detail")
                .asString();
        browser.expectConsoleError("/api/v1/dlq/", "404");
        browser.expectConsoleError("/api/v1/portfolios/paper/dash_nobody_", "404");

        browser.signIn(token("viewer"));
        browser.await(By.cssSelector("[data-broker-state='paper']"));
        browser.open("/#/dead-letters/" + unknown);
        assertThat(browser.await(By.cssSelector("#dead-letter .error")).getText()).isEqualTo(dlqDetail).isNotBlank();
        browser.open("/#/portfolios/paper/" + nobody);
        assertThat(browser.await(By.cssSelector("#portfolio-summary .error")).getText()).isEqualTo(portfolioDetail)
                .isNotBlank();
    }

    /** The cells' text of every body row, read in one script call. */
    @SuppressWarnings("unchecked")
    private List<List<String>> rows(WebElement table) {
        return (List<List<String>>) browser.driver.executeScript(
                "return [...arguments[0].tBodies[0].rows].map((r) => [...r.cells].map((c) => c.innerText.trim()))",
                table);
    }
}
