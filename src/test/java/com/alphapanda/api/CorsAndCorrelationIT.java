package com.alphapanda.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.alphapanda.ApiTestClient;
import com.alphapanda.core.streaming.ControllableControlListener;
import com.alphapanda.core.streaming.DeadLetterHeaders;
import com.alphapanda.core.streaming.EventHeaders;
import com.alphapanda.core.topic.Topics;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/** CORS with the seed's defaults, and a request's correlation id in its response, its logs and its events. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(ControllableControlListener.class)
@ExtendWith(OutputCaptureExtension.class)
class CorsAndCorrelationIT {

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    private ApiTestClient api() {
        return new ApiTestClient(port);
    }

    @Test
    void allowedOriginGetsCorsHeadersOnASimpleRequest() {
        HttpResponse<String> response = api().request("GET", "/api/v1/dlq", null,
                Map.of("Origin", "http://localhost:3000"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:3000");
        assertThat(response.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");
    }

    @Test
    void allowedOriginPassesThePreflight() {
        HttpResponse<String> response = new ApiTestClient(port, null).request("OPTIONS", "/api/v1/dlq/purge", null,
                Map.of("Origin", "http://localhost:8080", "Access-Control-Request-Method", "POST",
                        "Access-Control-Request-Headers", "Authorization,X-Correlation-ID"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:8080");
        assertThat(response.headers().firstValue("Access-Control-Allow-Methods")).hasValueSatisfying(
                v -> assertThat(v).contains("POST"));
        assertThat(response.headers().firstValue("Access-Control-Allow-Headers")).hasValueSatisfying(
                v -> assertThat(v.toLowerCase()).contains("authorization", "x-correlation-id"));
        assertThat(response.headers().firstValue("Access-Control-Max-Age")).hasValue("3600");
    }

    @Test
    void disallowedOriginGetsNoCorsHeadersAndIsLoggedAndCounted(CapturedOutput output) {
        HttpResponse<String> simple = api().request("GET", "/api/v1/dlq", null, Map.of("Origin", "http://evil.example"));
        HttpResponse<String> preflight = new ApiTestClient(port, null).request("OPTIONS", "/api/v1/dlq", null,
                Map.of("Origin", "http://evil.example", "Access-Control-Request-Method", "DELETE"));

        for (HttpResponse<String> response : List.of(simple, preflight)) {
            assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
            assertThat(response.statusCode()).isEqualTo(403);
        }
        assertThat(output.getAll()).contains("CORS request rejected: origin http://evil.example is not allowed "
                + "(path /api/v1/dlq)");
        assertThat(api().text("/actuator/prometheus"))
                .contains("cors_rejected_total{", "origin=\"http://evil.example\"");
    }

    @Test
    void incomingCorrelationIdIsInTheResponseTheLogsAndTheEventTheRequestCauses(CapturedOutput output)
            throws Exception {
        String marker = "corr-" + UUID.randomUUID();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props(), new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.CONTROL.name(), marker, "{\"poison\":1}"
                    .getBytes(StandardCharsets.UTF_8))).get();
        }
        JsonNode[] dead = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            for (JsonNode item : api().get("/api/v1/dlq?topic=alpha-panda.control&size=500").get("items")) {
                if (marker.equals(item.path("key").asString(""))) {
                    dead[0] = item;
                }
            }
            return dead[0] != null;
        });

        String correlationId = "ops-ticket-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> response = api().request("POST", "/api/v1/dlq/" + dead[0].get("id").asString()
                + "/replay", null, Map.of("X-Correlation-ID", correlationId));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Correlation-ID")).hasValue(correlationId);
        assertThat(output.getAll().lines().filter(l -> l.contains("Replayed dead letter " + dead[0].get("id")
                .asString()))).singleElement().asString().contains("[" + correlationId);
        ConsumerRecord<String, byte[]> replayed = awaitReplay(dead[0].get("id").asString());
        assertThat(EventHeaders.read(replayed.headers(), DeadLetterHeaders.REPLAY_CORRELATION_ID))
                .isEqualTo(correlationId);
    }

    private ConsumerRecord<String, byte[]> awaitReplay(String deadLetterId) {
        Properties p = props();
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "replay-reader-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.CONTROL.name()));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
                return seen.stream().anyMatch(r -> deadLetterId.equals(
                        EventHeaders.read(r.headers(), DeadLetterHeaders.REPLAY_OF)));
            });
        }
        return seen.stream().filter(r -> deadLetterId.equals(EventHeaders.read(r.headers(),
                DeadLetterHeaders.REPLAY_OF))).findFirst().orElseThrow();
    }

    private Properties props() {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrapServers);
        return p;
    }
}
