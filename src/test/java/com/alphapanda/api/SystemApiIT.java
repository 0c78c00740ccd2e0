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
}
