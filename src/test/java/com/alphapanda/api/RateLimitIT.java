package com.alphapanda.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphapanda.AlphaPandaApplication;
import com.alphapanda.ApiTestClient;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * The limit is per token with the budget of its role, shared by two instances on the same Redis; health and the live
 * stream are exempt.
 */
class RateLimitIT {

    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;

    @BeforeAll
    static void startTwoInstancesOnOneRedis() {
        first = new SpringApplicationBuilder(AlphaPandaApplication.class).run("--server.port=0",
                "--alpha-panda.api.rate-limit.viewer=100", "--alpha-panda.api.rate-limit.operator=50",
                "--alpha-panda.api.rate-limit.anonymous=60", "--alpha-panda.instance-id=rate-limit-a");
        Environment env = first.getEnvironment();
        second = new SpringApplicationBuilder(AlphaPandaApplication.class).run("--server.port=0",
                "--alpha-panda.api.rate-limit.viewer=100", "--alpha-panda.api.rate-limit.operator=50",
                "--alpha-panda.api.rate-limit.anonymous=60", "--alpha-panda.instance-id=rate-limit-b",
                "--spring.kafka.bootstrap-servers=" + env.getProperty("spring.kafka.bootstrap-servers"),
                "--spring.datasource.url=" + env.getProperty("spring.datasource.url"),
                "--spring.datasource.username=postgres",
                "--spring.data.redis.host=" + env.getProperty("spring.data.redis.host"),
                "--spring.data.redis.port=" + env.getProperty("spring.data.redis.port"));
    }

    @AfterAll
    static void stop() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
    }

    @Test
    void theHundredAndFirstRequestInTheWindowIsRefusedAcrossBothInstances() {
        String token = first.getBean(ApiTokens.class).create("rate-limited", ApiRole.VIEWER, null).secret();
        ApiTestClient a = new ApiTestClient(port(first), token);
        ApiTestClient b = new ApiTestClient(port(second), token);

        for (int i = 0; i < 100; i++) {
            HttpResponse<String> response = (i % 2 == 0 ? a : b).request("GET", "/api/v1/dlq", null);
            assertThat(response.statusCode()).as("request %d", i + 1).isEqualTo(200);
        }
        HttpResponse<String> refused = b.request("GET", "/api/v1/dlq", null);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(
                v -> assertThat(Long.parseLong(v)).isBetween(1L, 60L));
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).contains("application/problem+json"));
        assertThat(a.request("GET", "/api/v1/dlq", null).statusCode()).isEqualTo(429);

        ApiTestClient other = new ApiTestClient(port(first),
                first.getBean(ApiTokens.class).create("another", ApiRole.VIEWER, null).secret());
        assertThat(other.request("GET", "/api/v1/dlq", null).statusCode()).as("limits are per token").isEqualTo(200);
    }

    @Test
    void eachRoleHasItsOwnBudget() {
        String token = first.getBean(ApiTokens.class).create("operator-budget", ApiRole.OPERATOR, null).secret();
        ApiTestClient operator = new ApiTestClient(port(first), token);
        for (int i = 0; i < 50; i++) {
            assertThat(operator.request("GET", "/api/v1/dlq", null).statusCode()).as("request %d", i + 1)
                    .isEqualTo(200);
        }
        HttpResponse<String> refused = operator.request("GET", "/api/v1/dlq", null);
        assertThat(refused.statusCode()).as("the operator budget is 50").isEqualTo(429);
        assertThat(refused.body()).contains("\"type\":\"about:blank\"").doesNotContain("null");
    }

    @Test
    void theLiveStreamIsNeverLimited() throws Exception {
        String token = first.getBean(ApiTokens.class).create("streamer", ApiRole.VIEWER, null).secret();
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        for (int i = 0; i < 110; i++) {
            java.net.http.HttpResponse<java.io.InputStream> response = http.send(java.net.http.HttpRequest
                            .newBuilder(java.net.URI.create("http://localhost:" + port(first) + "/api/v1/stream"))
                            .header("Authorization", "Bearer " + token).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofInputStream());
            assertThat(response.statusCode()).as("connection %d", i + 1).isEqualTo(200);
            assertThat(response.headers().firstValue("X-RateLimit-Remaining")).isEmpty();
            response.body().close();
        }
        http.close();
    }

    @Test
    void healthChecksAreNeverLimited() {
        ApiTestClient anonymous = new ApiTestClient(port(first), null);
        for (int i = 0; i < 150; i++) {
            assertThat(anonymous.request("GET", "/actuator/health/liveness", null).statusCode()).isEqualTo(200);
        }
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
