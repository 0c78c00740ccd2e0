package com.alphapanda.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphapanda.ApiTestClient;
import com.alphapanda.core.streaming.ControllableControlListener;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/** Every API route against every role, malformed input on every route, tokens, correlation ids, OpenAPI. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(ControllableControlListener.class)
class ApiSecurityIT {

    @LocalServerPort
    int port;

    @Autowired
    ApiTokens tokens;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private final Map<ApiRole, String> secrets = new java.util.EnumMap<>(ApiRole.class);

    /** One API route: method and path pattern. */
    record Route(String method, String pattern) {
        String path() {
            return pattern.replace("{broker}", "paper").replace("{strategyId}", "momentum_1")
                    .replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
        }
    }

    @BeforeEach
    void tokensForEachRole() {
        for (ApiRole role : ApiRole.values()) {
            secrets.put(role, tokens.create("it-" + role.id(), role, null).secret());
        }
    }

    @Test
    void everyRouteNeedsATokenRefusesTooLowARoleAndServesTheRightOne() {
        List<Route> routes = apiRoutes();
        assertThat(routes).extracting(Route::pattern).contains("/api/v1/dlq", "/api/v1/tokens", "/api/v1/stream");
        for (Route route : routes) {
            if (route.pattern().equals("/api/v1/stream")) {
                continue; // a stream never ends: covered by LiveStreamIT
            }
            HttpResponse<String> anonymous = anonymous().request(route.method(), route.path(), body(route));
            assertThat(anonymous.statusCode()).as("anonymous %s", route).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("Content-Type")).as("problem detail %s", route)
                    .hasValueSatisfying(v -> assertThat(v).contains("application/problem+json"));

            ApiRole required = requiredRole(route);
            if (required != ApiRole.VIEWER) {
                ApiRole below = ApiRole.values()[required.ordinal() - 1];
                assertThat(client(below).request(route.method(), route.path(), body(route)).statusCode())
                        .as("%s with %s", route, below).isEqualTo(403);
            }
            int status = client(required).request(route.method(), route.path(), body(route)).statusCode();
            assertThat(status).as("%s with %s", route, required).isNotIn(401, 403).isLessThan(500);
        }
    }

    @Test
    void listRoutesAnswerOkToTheirRole() {
        for (String path : List.of("/api/v1/dlq", "/api/v1/tokens")) {
            assertThat(client(path.contains("tokens") ? ApiRole.ADMIN : ApiRole.VIEWER)
                    .request("GET", path, null).statusCode()).as(path).isEqualTo(200);
        }
    }

    @Test
    void malformedInputOnEveryRouteIsAClientErrorNeverAServerError() {
        ApiTestClient admin = client(ApiRole.ADMIN);
        for (Route route : apiRoutes()) {
            if (route.pattern().equals("/api/v1/stream")) {
                continue;
            }
            boolean hasBody = !route.method().equals("GET") && !route.method().equals("DELETE");
            String junkQuery = "?page=-1&size=abc&from=yesterday&to=2026-13-45&status=LOST&limit=-5&type=nope";
            HttpResponse<String> junk = admin.request(route.method(), route.path() + junkQuery,
                    hasBody ? "{}" : null);
            assertThat(junk.statusCode()).as("junk query %s -> %s", route, junk.body()).isLessThan(500);
            if (route.pattern().contains("{")) {
                HttpResponse<String> badId = admin.request(route.method(),
                        route.pattern().replaceAll("\\{[^}]+}", "not%20an%20id"), hasBody ? "{}" : null);
                assertThat(badId.statusCode()).as("bad path %s -> %s", route, badId.body()).isBetween(400, 499);
            }
            if (hasBody) {
                HttpResponse<String> broken = admin.request(route.method(), route.path(), "{\"broken\":");
                assertThat(broken.statusCode()).as("broken JSON %s -> %s", route, broken.body()).isLessThan(500);
                HttpResponse<String> wrongTypes = admin.request(route.method(), route.path(),
                        "{\"from\":42,\"to\":[],\"olderThan\":{},\"role\":7,\"dryRun\":\"maybe\",\"name\":[]}");
                assertThat(wrongTypes.statusCode()).as("wrong types %s -> %s", route, wrongTypes.body())
                        .isLessThan(500);
            }
        }
        HttpResponse<String> wrongType = admin.request("POST", "/api/v1/dlq/purge", "{\"olderThan\":{}}");
        assertThat(wrongType.statusCode()).isEqualTo(400);
        assertThat(wrongType.body()).contains("field 'olderThan'");
        // routes that take a JSON body answer 400 to malformed JSON, naming the problem
        for (String path : List.of("/api/v1/dlq/replay", "/api/v1/dlq/purge", "/api/v1/tokens")) {
            HttpResponse<String> broken = admin.request("POST", path, "{\"broken\":");
            assertThat(broken.statusCode()).as(path).isEqualTo(400);
            assertThat(broken.body()).contains("\"status\":400");
        }
    }

    @Test
    void revokedAndExpiredTokensAreRefused() throws Exception {
        ApiTokens.CreatedToken revoked = tokens.create("to-revoke", ApiRole.ADMIN, null);
        assertThat(client(revoked.secret()).request("GET", "/api/v1/dlq", null).statusCode()).isEqualTo(200);
        tokens.revoke(revoked.token().id());
        assertThat(client(revoked.secret()).request("GET", "/api/v1/dlq", null).statusCode()).isEqualTo(401);

        ApiTokens.CreatedToken expiring = tokens.create("short-lived", ApiRole.ADMIN, Duration.ofMillis(300));
        Thread.sleep(600);
        HttpResponse<String> expired = client(expiring.secret()).request("GET", "/api/v1/dlq", null);
        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(expired.body()).contains("unknown, revoked or expired");
        assertThat(client("not-a-token").request("GET", "/api/v1/dlq", null).statusCode()).isEqualTo(401);
    }

    @Test
    void adminsCreateListAndRevokeTokensOverTheApiAndTheSecretIsShownOnce() {
        ApiTestClient admin = client(ApiRole.ADMIN);
        JsonNode created = admin.post("/api/v1/tokens", "{\"name\":\"ci robot\",\"role\":\"operator\","
                + "\"expiresIn\":\"30d\"}", 201);
        String secret = created.get("token").asString();
        assertThat(secret).startsWith("ap_");
        assertThat(created.get("expiresAt").asString()).isNotBlank();
        assertThat(client(secret).request("POST", "/api/v1/dlq/purge", "{\"olderThan\":\"2020-01-01T00:00:00Z\"}")
                .statusCode()).isEqualTo(200);

        String listing = admin.text("/api/v1/tokens");
        assertThat(listing).contains("ci robot").doesNotContain(secret);

        assertThat(admin.request("DELETE", "/api/v1/tokens/" + created.get("id").asString(), null).statusCode())
                .isEqualTo(204);
        assertThat(client(secret).request("GET", "/api/v1/dlq", null).statusCode()).isEqualTo(401);
        assertThat(admin.request("POST", "/api/v1/tokens", "{\"name\":\"x\",\"role\":\"root\"}").statusCode())
                .isEqualTo(400);
        assertThat(admin.request("POST", "/api/v1/tokens", "{\"name\":\"x\",\"role\":\"viewer\",\"expiresIn\":\"soon\"}")
                .statusCode()).isEqualTo(400);
    }

    @Test
    void healthAndTheOpenApiDocumentArePublicButMetricsAreNot() {
        assertThat(anonymous().request("GET", "/actuator/health", null).statusCode()).isEqualTo(200);
        assertThat(anonymous().request("GET", "/v3/api-docs", null).statusCode()).isEqualTo(200);
        assertThat(anonymous().request("GET", "/actuator/prometheus", null).statusCode()).isEqualTo(401);
        assertThat(client(ApiRole.VIEWER).request("GET", "/actuator/prometheus", null).statusCode()).isEqualTo(200);
    }

    @Test
    void theOpenApiDocumentListsEveryRouteWithItsSecurity() {
        JsonNode doc = ApiTestClient.JSON.readTree(anonymous().text("/v3/api-docs"));
        for (Route route : apiRoutes()) {
            JsonNode operation = doc.path("paths").path(route.pattern()).path(route.method().toLowerCase());
            assertThat(operation.isMissingNode()).as("%s documented", route).isFalse();
        }
        assertThat(doc.at("/components/securitySchemes/bearer/scheme").asString()).isEqualTo("bearer");
        assertThat(doc.at("/security/0").has("bearer")).isTrue();
        assertThat(doc.at("/info/title").asString()).isEqualTo("Alpha Panda API");
    }

    @Test
    void requestAndCorrelationIdsAreReturnedAndAnInvalidIncomingOneIsReplaced() {
        HttpResponse<String> honoured = client(ApiRole.VIEWER).request("GET", "/api/v1/dlq", null,
                Map.of("X-Correlation-ID", "desk-7:order-42"));
        assertThat(honoured.headers().firstValue("X-Correlation-ID")).hasValue("desk-7:order-42");
        assertThat(honoured.headers().firstValue("X-Request-ID")).hasValueSatisfying(
                id -> assertThat(UUID.fromString(id).version()).isEqualTo(7));

        HttpResponse<String> replaced = client(ApiRole.VIEWER).request("GET", "/api/v1/dlq", null,
                Map.of("X-Correlation-ID", "bad id with spaces and {braces}"));
        assertThat(replaced.headers().firstValue("X-Correlation-ID")).hasValueSatisfying(
                id -> assertThat(id).isNotEqualTo("bad id with spaces and {braces}").hasSize(36));
    }

    private List<Route> apiRoutes() {
        List<Route> routes = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/")) {
                    continue;
                }
                var methods = info.getMethodsCondition().getMethods();
                for (RequestMethod m : methods.isEmpty() ? List.of(RequestMethod.GET) : methods) {
                    routes.add(new Route(m.name(), pattern));
                }
            }
        });
        return routes;
    }

    /** The documented policy: reads viewer; tokens admin; strategy changes admin; other actions operator. */
    private static ApiRole requiredRole(Route route) {
        if (route.pattern().startsWith("/api/v1/tokens")) {
            return ApiRole.ADMIN;
        }
        if (route.method().equals("GET")) {
            return ApiRole.VIEWER;
        }
        return route.pattern().startsWith("/api/v1/strategies") ? ApiRole.ADMIN : ApiRole.OPERATOR;
    }

    private static String body(Route route) {
        return route.method().equals("GET") || route.method().equals("DELETE") ? null : "{}";
    }

    private ApiTestClient client(ApiRole role) {
        return new ApiTestClient(port, secrets.get(role));
    }

    private ApiTestClient anonymous() {
        return new ApiTestClient(port, null);
    }

    private ApiTestClient client(String token) {
        return new ApiTestClient(port, token);
    }
}
