package com.alphapanda.monitoring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.alphapanda.ApiTestClient;
import com.alphapanda.core.event.Broker;
import com.alphapanda.monitoring.MonitoringIntegrationTest;
import com.alphapanda.monitoring.PipelineActivity;
import com.alphapanda.monitoring.PipelineStage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The monitoring endpoints over HTTP, with problem details for bad input. Same context as the monitoring ITs. */
@MonitoringIntegrationTest
class MonitoringApiIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Value("${alpha-panda.instance-id}")
    String instanceId;

    @Autowired
    PipelineActivity activity;

    @Test
    void lagListsEveryMonitoredGroupWithPartitionsAndFiltersByGroup() throws Exception {
        String probeGroup = "alpha-panda.monitoring.probe." + instanceId;
        JsonNode all = await().atMost(Duration.ofSeconds(30)).until(() -> json(get("/api/v1/monitoring/lag")),
                body -> body.has("groups") && names(body).contains(probeGroup));
        assertThat(all.get("collectedAt").asString()).isNotBlank();
        assertThat(names(all)).allMatch(g -> g.startsWith("alpha-panda."));

        JsonNode one = json(get("/api/v1/monitoring/lag?group=" + probeGroup));
        assertThat(names(one)).containsExactly(probeGroup);
        JsonNode group = one.get("groups").get(0);
        assertThat(group.get("status").asString()).isIn("OK", "WARN", "STALL", "STOP", "REWIND");
        JsonNode partition = group.get("partitions").get(0);
        assertThat(partition.get("topic").asString()).isEqualTo("alpha-panda.monitoring.probe");
        assertThat(partition.has("lag")).isTrue();
        assertThat(partition.has("timeLagSeconds")).isTrue();
        assertThat(partition.has("committedOffset")).isTrue();
        assertThat(group.get("topics").get(0).get("partitionsOverThreshold").isNumber()).isTrue();
    }

    @Test
    void lagForAGroupOutsideThePrefixIsABadRequestProblem() throws Exception {
        HttpResponse<String> response = get("/api/v1/monitoring/lag?group=someone-else");
        assertProblem(response, 400, "Invalid group");
        assertThat(json(response).get("detail").asString()).contains("alpha-panda.");
        assertProblem(get("/api/v1/monitoring/lag?group="), 400, "Invalid group");
    }

    @Test
    void lagForAnUnknownGroupIsNotFoundProblem() throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/v1/monitoring/lag").statusCode() == 200);
        assertProblem(get("/api/v1/monitoring/lag?group=alpha-panda.nobody"), 404, "Unknown consumer group");
    }

    @Test
    void pipelineShowsEachStageOfEachEnabledBrokerWithRecordedActivity() throws Exception {
        Instant tickTime = Instant.now().minusMillis(300);
        for (int i = 0; i < 5; i++) {
            activity.recordMarketFeed(tickTime);
            activity.record(PipelineStage.STRATEGY_RUNNER, Broker.PAPER, tickTime);
        }
        JsonNode body = await().atMost(Duration.ofSeconds(30)).until(() -> json(get("/api/v1/monitoring/pipeline")),
                b -> stage(b, "strategy_runner").get("events").asLong() >= 5);

        assertThat(body.get("brokers")).hasSize(1);
        JsonNode paper = body.get("brokers").get(0);
        assertThat(paper.get("broker").asString()).isEqualTo("paper");
        List<String> stages = new ArrayList<>();
        paper.get("stages").forEach(s -> stages.add(s.get("stage").asString()));
        assertThat(stages).containsExactly("market_feed", "strategy_runner", "risk_manager", "trading_engine",
                "portfolio_manager");
        JsonNode runner = stage(body, "strategy_runner");
        assertThat(runner.get("health").asString()).as("active within stale-after").isEqualTo("healthy");
        assertThat(Instant.parse(runner.get("lastEventTime").asString())).isEqualTo(tickTime.truncatedTo(
                java.time.temporal.ChronoUnit.MILLIS));
        assertThat(runner.get("lastActivity").isNull()).isFalse();
        assertThat(body.get("marketOpen").isBoolean()).isTrue();
    }

    @Test
    void pipelineForAnUnknownOrDisabledBrokerIsAProblem() throws Exception {
        assertProblem(get("/api/v1/monitoring/pipeline?broker=nyse"), 400, "Invalid broker");
        assertProblem(get("/api/v1/monitoring/pipeline?broker=zerodha"), 404, "Broker not enabled");
    }

    @Test
    void monitoringNeedsAViewerToken() {
        assertThat(new ApiTestClient(port, null).request("GET", "/api/v1/monitoring/lag", null).statusCode())
                .isEqualTo(401);
        assertThat(new ApiTestClient(port, "not-a-token").request("GET", "/api/v1/monitoring/alerts", null)
                .statusCode()).isEqualTo(401);
    }

    @Test
    void alertsListActiveAndRecentlyClearedAlerts() throws Exception {
        HttpResponse<String> response = get("/api/v1/monitoring/alerts");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("active").isArray()).isTrue();
        assertThat(body.get("recentlyCleared").isArray()).isTrue();
    }

    @Test
    void monitoringMetricsAreExportedToPrometheus() throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> get("/actuator/prometheus").body()
                .contains("consumer_lag_messages{"));
        String metrics = get("/actuator/prometheus").body();
        assertThat(metrics).contains("consumer_lag_messages{", "consumer_lag_seconds{", "consumer_group_status{",
                "consumer_lag_collection_seconds_count", "consumer_lag_collection_failures_total",
                "consumer_lag_alerts_total{", "consumer_lag_alerts_active", "pipeline_e2e_latency_seconds_bucket{",
                "tick_age_seconds{", "pipeline_events_total{", "pipeline_last_event_timestamp_seconds{",
                "pipeline_stage_status{");
        assertThat(metrics).containsPattern("consumer_lag_messages\\{[^}]*group=\"alpha-panda\\.[^\"]+\"[^}]*"
                + "partition=\"0\"[^}]*topic=\"[^\"]+\"");
    }

    private static JsonNode stage(JsonNode pipeline, String name) {
        for (JsonNode s : pipeline.get("brokers").get(0).get("stages")) {
            if (s.get("stage").asString().equals(name)) {
                return s;
            }
        }
        throw new AssertionError("no stage " + name);
    }

    private static List<String> names(JsonNode lag) {
        List<String> names = new ArrayList<>();
        lag.get("groups").forEach(g -> names.add(g.get("group").asString()));
        return names;
    }

    private static void assertProblem(HttpResponse<String> response, int status, String title) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode body = json(response);
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("title").asString()).isEqualTo(title);
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> get(String path) {
        return new ApiTestClient(port).request("GET", path, null);
    }
}
