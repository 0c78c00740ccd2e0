package com.alphapanda.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphapanda.ApiTestClient;
import com.alphapanda.core.streaming.ControllableControlListener;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/** {@code GET /api/v1/system} (same context configuration as ApiSecurityIT). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(ControllableControlListener.class)
class SystemApiIT {

    @LocalServerPort
    int port;

    @Test
    void systemInfoShowsVersionUptimeBrokersAndRunningListenersButNoSecrets() {
        String text = new ApiTestClient(port).text("/api/v1/system");
        JsonNode system = ApiTestClient.JSON.readTree(text);
        assertThat(system.get("application").asString()).isEqualTo("Alpha Panda");
        assertThat(system.get("version").asString()).isNotBlank();
        assertThat(system.get("environment").asString()).isEqualTo("development");
        assertThat(system.get("brokers").toString()).isEqualTo("[\"paper\"]");
        assertThat(system.get("uptimeSeconds").asLong()).isNotNegative();
        JsonNode control = null;
        for (JsonNode listener : system.get("listeners")) {
            if ("risk-manager.control".equals(listener.get("id").asString())) {
                control = listener;
            }
        }
        assertThat(control).as("risk-manager.control listed in %s", text).isNotNull();
        assertThat(control.get("running").asBoolean()).isTrue();
        assertThat(control.get("topics").toString()).contains("alpha-panda.control");
        assertThat(text.toLowerCase()).doesNotContain("password", "jdbc:", "redis://", "secret", "token");
    }

    @Test
    void theOpenApiDocumentDescribesTheNewRoutesWithRequestAndResponseSchemas() {
        JsonNode doc = ApiTestClient.JSON.readTree(new ApiTestClient(port, null).text("/v3/api-docs"));
        for (String[] route : new String[][] {{"/api/v1/strategies", "get"}, {"/api/v1/strategies", "post"},
            {"/api/v1/strategies/{id}", "get"}, {"/api/v1/strategies/{id}/parameters", "put"},
            {"/api/v1/strategies/{id}/enable", "post"}, {"/api/v1/strategies/{id}/disable", "post"},
            {"/api/v1/strategy-types", "get"}, {"/api/v1/instruments", "get"}, {"/api/v1/signals", "get"},
            {"/api/v1/fills", "get"}, {"/api/v1/system", "get"}, {"/api/v1/trading-state/{broker}", "post"}}) {
            JsonNode operation = doc.path("paths").path(route[0]).path(route[1]);
            assertThat(operation.path("summary").asString()).as("%s %s summary", route[1], route[0]).isNotBlank();
            String response = operation.path("responses").path(route[1].equals("post") && route[0].equals(
                    "/api/v1/strategies") ? "201" : "200").toString();
            assertThat(response).as("%s %s response schema", route[1], route[0]).contains("#/components/schemas/");
        }
        assertThat(doc.at("/paths/~1api~1v1~1strategies/post/requestBody").toString()).contains("Create");
        assertThat(doc.at("/paths/~1api~1v1~1trading-state~1{broker}/post/requestBody").toString())
                .contains("ChangeRequest");
        assertThat(doc.at("/paths/~1api~1v1~1strategies~1{id}/delete/summary").asString()).isNotBlank();
    }
}
