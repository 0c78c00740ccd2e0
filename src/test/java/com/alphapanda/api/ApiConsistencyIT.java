package com.alphapanda.api;

import static com.alphapanda.PipelineTestSupport.SESSION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.alphapanda.ApiTestClient;
import com.alphapanda.PipelineTestSupport;
import com.alphapanda.core.event.SignalType;
import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.core.id.StrategyId;
import com.alphapanda.core.json.EventJson;
import com.alphapanda.core.streaming.ControllableControlListener;
import com.alphapanda.core.streaming.EventPublisher;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The API is one product: the OpenAPI description, every GET route and every live-stream event follow the same JSON
 * conventions ({@link JsonConventions}), every list has the one page shape, and every error is a problem detail.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(ControllableControlListener.class)
class ApiConsistencyIT {

    private static final Set<String> STREAM_EVENTS = Set.of(LiveEvents.FILL, LiveEvents.ORDER, LiveEvents.SIGNAL,
            LiveEvents.REJECTION, LiveEvents.TRADING_STATE, LiveEvents.PORTFOLIO, LiveEvents.ALERT,
            LiveEvents.PIPELINE);

    @LocalServerPort
    int port;

    @Autowired
    EventPublisher publisher;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    ConcurrentMessageListenerContainer<String, byte[]> liveStreamContainer;

    @Test
    void theOpenApiDescriptionUsesCamelCaseStringAmountsAndOnePageShape() {
        JsonNode docs = new ApiTestClient(port).get("/v3/api-docs");
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, JsonNode> schema : docs.get("components").get("schemas").properties()) {
            JsonNode properties = schema.getValue().path("properties");
            for (Map.Entry<String, JsonNode> property : properties.properties()) {
                String at = schema.getKey() + "." + property.getKey();
                if (!JsonConventions.CAMEL_CASE.matcher(property.getKey()).matches()) {
                    problems.add(at + ": not camelCase");
                }
                JsonNode type = property.getValue().path("type");
                if (type.asString("").equals("number") && !JsonConventions.MEASUREMENTS.contains(property.getKey())) {
                    problems.add(at + ": a JSON number; decimals are strings");
                }
            }
            if (properties.has("items") && properties.get("items").path("type").asString("").equals("array")) {
                for (String member : List.of("page", "size", "total")) {
                    if (!properties.has(member)) {
                        problems.add(schema.getKey() + ": a list without '" + member + "'");
                    }
                }
            }
        }
        for (Map.Entry<String, JsonNode> path : docs.get("paths").properties()) {
            JsonNode get = path.getValue().path("get");
            JsonNode ok = get.path("responses").path("200").path("content");
            for (JsonNode media : ok) {
                if (media.path("schema").path("type").asString("").equals("array")) {
                    problems.add("GET " + path.getKey() + ": a bare array; lists are pages {items, page, size, total}");
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(docs.get("components").get("schemas").properties()).extracting(Map.Entry::getKey)
                .anyMatch(name -> name.startsWith("ApiPage"));
    }

    @Test
    void everyGetRouteAndEveryStreamEventFollowTheConventions() throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> !liveStreamContainer.getAssignedPartitions().isEmpty());
        ApiTestClient api = new ApiTestClient(port);
        StrategyId strategy = PipelineTestSupport.freshStrategy("consistency");
        try (com.alphapanda.SseTestClient stream = new com.alphapanda.SseTestClient(port, null)) {
            tradeOnce(strategy);
            api.post("/api/v1/trading-state/paper", "{\"state\":\"active\",\"reason\":\"consistency check\"}", 200);
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(3)).until(() -> {
                Set<String> seen = stream.events.stream().map(com.alphapanda.SseTestClient.Event::name)
                        .collect(java.util.stream.Collectors.toSet());
                if (!seen.contains(LiveEvents.ALERT)) {
                    driftTheReadModel(api, strategy); // again, should a refresh have overwritten the edit
                }
                return seen;
            }, seen -> seen.containsAll(STREAM_EVENTS));
            for (com.alphapanda.SseTestClient.Event event : stream.events) {
                assertThat(JsonConventions.violations(ApiTestClient.JSON.readTree(event.data()), Set.of()))
                        .as("stream event %s: %s", event.name(), event.data()).isEmpty();
            }
        }
        for (String path : getRoutes(api, strategy)) {
            JsonNode body = api.get(path);
            Set<String> opaque = path.startsWith("/api/v1/dlq") ? Set.of("payload") : Set.of();
            assertThat(JsonConventions.violations(body, opaque)).as("GET %s: %s", path, body).isEmpty();
        }
    }

    @Test
    void everyErrorIsAProblemDetailWithATypeAndNoNullMembers() {
        ApiTestClient admin = new ApiTestClient(port);
        ApiTestClient viewer = admin.withToken(admin.post("/api/v1/tokens",
                "{\"name\":\"consistency viewer\",\"role\":\"VIEWER\"}", 201).get("token").asString());
        List<Map.Entry<HttpResponse<String>, Integer>> answers = List.of(
                Map.entry(admin.withToken(null).request("GET", "/api/v1/orders", null), 401),
                Map.entry(admin.withToken("ap_unknown").request("GET", "/api/v1/orders", null), 401),
                Map.entry(viewer.request("POST", "/api/v1/trading-state/paper", "{}"), 403),
                Map.entry(admin.request("GET", "/api/v1/no-such-route", null), 404),
                Map.entry(admin.request("GET", "/api/v1/portfolios/paper/no_such_strategy", null), 404),
                Map.entry(admin.request("PATCH", "/api/v1/orders", "{}"), 405),
                Map.entry(admin.request("POST", "/api/v1/trading-state/paper", "x",
                        Map.of("Content-Type", "text/plain")), 415),
                Map.entry(admin.request("GET", "/api/v1/portfolios/paper/a%2Fb", null), 400),
                Map.entry(admin.request("GET", "/api/v1/dlq?status=lost", null), 400),
                Map.entry(admin.request("GET", "/api/v1/orders", null, Map.of("Accept", "text/html")), 406),
                Map.entry(admin.request("GET", "/api/v1/orders?size=501", null), 400),
                Map.entry(admin.request("POST", "/api/v1/dlq/replay", "{\"topic\":\"x\",\"from\":\"nope\"}"), 400),
                Map.entry(admin.request("POST", "/api/v1/tokens",
                        "{\"name\":\"forever\",\"role\":\"viewer\",\"expiresIn\":\"99999999999d\"}"), 400),
                Map.entry(admin.request("POST", "/api/v1/strategies", "{\"id\": [1,}"), 400));
        for (Map.Entry<HttpResponse<String>, Integer> answer : answers) {
            HttpResponse<String> response = answer.getKey();
            String what = response.request().method() + " " + response.request().uri().getRawPath() + " → "
                    + response.body();
            assertThat(response.statusCode()).as(what).isEqualTo(answer.getValue());
            assertThat(response.headers().firstValue("Content-Type")).as(what)
                    .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
            JsonNode problem = ApiTestClient.JSON.readTree(response.body());
            assertThat(problem.path("type").asString("")).as(what).isEqualTo("about:blank");
            assertThat(problem.path("status").asInt()).as(what).isEqualTo(answer.getValue());
            assertThat(problem.path("title").asString("")).as(what).isNotBlank();
            assertThat(problem.path("detail").asString("")).as(what).isNotBlank()
                    .doesNotContainPattern("(java|jakarta|tools|com\\.alphapanda)\\.[a-z]+\\.");
            assertThat(JsonConventions.violations(problem, Set.of())).as(what).isEmpty();
        }
        String forever = answers.get(12).getKey().body();
        assertThat(forever).contains("at most 3650 days");
    }

    @Test
    void aQueryStringThatCannotBeDecodedIsAProblemDetailToo() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            socket.getOutputStream().write(("GET /api/v1/orders?broker=%ZZ HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + ApiTestClient.ADMIN_TOKEN + "\r\nConnection: close\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);
            assertThat(response).startsWith("HTTP/1.1 400")
                    .containsIgnoringCase("content-type: application/problem+json")
                    .contains("\"type\":\"about:blank\"", "the query string cannot be decoded");
        }
    }

    /** A tick, a signal that fills (signal, order, fill, portfolio) and one the risk manager rejects. */
    private void tradeOnce(StrategyId strategy) {
        PipelineTestSupport pipeline = new PipelineTestSupport(publisher, port);
        pipeline.ensurePaperTradingActive(jdbc);
        InstrumentToken token = PipelineTestSupport.freshInstrument();
        pipeline.tick(token, "100", SESSION);
        pipeline.signal(strategy, token, SignalType.BUY, 10, "100", null, SESSION.plusSeconds(1));
        pipeline.signal(strategy, token, SignalType.BUY, 10, "150", null, SESSION.plusSeconds(2));
        await().atMost(Duration.ofSeconds(30)).until(() -> redis.opsForValue()
                .get("paper:portfolio:" + strategy.value()) != null);
    }

    /** Edits the cached read model by hand, so the reconciliation run finds a discrepancy and raises an alert. */
    private void driftTheReadModel(ApiTestClient api, StrategyId strategy) {
        String key = "paper:portfolio:" + strategy.value();
        ObjectNode view = (ObjectNode) EventJson.mapper().readTree(redis.opsForValue().get(key));
        ObjectNode position = (ObjectNode) view.get("positions").get(0);
        for (ObjectNode node : List.of(position, view)) {
            node.put("realized_pnl", new BigDecimal(node.get("realized_pnl").asString()).add(BigDecimal.TEN)
                    .toPlainString());
        }
        view.put("net_pnl", new BigDecimal(view.get("net_pnl").asString()).add(BigDecimal.TEN).toPlainString());
        redis.opsForValue().set(key, EventJson.mapper().writeValueAsString(view));
        api.post("/api/v1/reconciliation/paper/run", null, 200);
    }

    /** Every GET route of the OpenAPI description that this test can fill in, except the stream. */
    private List<String> getRoutes(ApiTestClient api, StrategyId strategy) {
        List<String> paths = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = api.get("/v3/api-docs").get("paths").properties().iterator();
             it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            if (!path.getValue().has("get") || path.getKey().equals("/api/v1/stream")) {
                continue;
            }
            String filled = path.getKey().replace("{broker}", "paper").replace("{strategyId}", strategy.value());
            if (filled.contains("{")) {
                continue; // needs the id of a stored item: covered by the feature tests
            }
            paths.add(filled + (filled.equals("/api/v1/instruments") ? "?symbol=A" : ""));
        }
        assertThat(paths).contains("/api/v1/orders", "/api/v1/fills", "/api/v1/signals", "/api/v1/portfolios",
                "/api/v1/trading-state", "/api/v1/tokens", "/api/v1/dlq");
        return paths;
    }
}
