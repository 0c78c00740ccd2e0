package com.alphapanda.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.alphapanda.core.event.Broker;
import com.alphapanda.core.event.Envelope;
import com.alphapanda.core.event.TradingState;
import com.alphapanda.core.event.TradingStateChanged;
import com.alphapanda.core.streaming.EventPublisher;
import com.alphapanda.core.streaming.Envelopes;
import com.alphapanda.core.streaming.ControllableControlListener;
import com.alphapanda.core.topic.Topics;
import com.alphapanda.ApiTestClient;
import com.alphapanda.cli.AlphaPandaCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Dead letters indexed, listed, replayed (one, bulk, dry run), purged, over the API, on the embedded servers. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(ControllableControlListener.class)
class DeadLetterIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CONTROL = Topics.CONTROL.name();

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Autowired
    EventPublisher publisher;

    @Autowired
    ControllableControlListener listener;

    @Autowired
    Admin admin;

    @Test
    void poisonRecordIsIndexedWithItsMetadataCountedAndShownDecoded() throws Exception {
        String marker = "poison-" + UUID.randomUUID();
        sendRaw(("{\"not\":\"an envelope\",\"marker\":\"" + marker + "\"}").getBytes(StandardCharsets.UTF_8));

        JsonNode item = awaitDeadLetter("reason=invalid_event", d -> d.path("key").asString("").equals(marker));
        assertThat(item.get("originalTopic").asString()).isEqualTo(CONTROL);
        assertThat(item.get("dlqTopic").asString()).isEqualTo(CONTROL + ".dlq");
        assertThat(item.get("service").asString()).isEqualTo("streaming-it");
        assertThat(item.get("consumerGroup").asString()).isEqualTo("alpha-panda.streaming-it.control");
        assertThat(item.get("broker").asString()).isEqualTo("system");
        assertThat(item.get("attempts").asInt()).isEqualTo(1);
        assertThat(item.get("status").asString()).isEqualTo("PENDING");
        assertThat(item.get("originalOffset").asLong()).isNotNegative();

        JsonNode detail = get("/api/v1/dlq/" + item.get("id").asString());
        assertThat(detail.get("payload").get("marker").asString()).isEqualTo(marker);
        assertThat(detail.get("valueBase64").asString()).isNotBlank();
        assertThat(detail.get("errorMessage").asString()).contains("envelope");
        assertThat(text("/actuator/prometheus")).contains("dlq_messages_total{", "reason=\"invalid_event\"",
                "service=\"streaming-it\"", "topic=\"alpha-panda.control\"");
    }

    @Test
    void replayOfARecoveredFailureIsProcessedAndMarkedReplayed() throws Exception {
        String reason = "replay-me-" + UUID.randomUUID();
        listener.transientFailuresLeft.put(reason, new AtomicInteger(3));
        Envelope<TradingStateChanged> sent = publish(reason);
        JsonNode dead = awaitDeadLetter("reason=max_retries_exceeded", d -> d.path("correlationId").asString("")
                .equals(sent.correlationId()));
        assertThat(listener.reasons).doesNotContain(reason);

        JsonNode replayed = post("/api/v1/dlq/" + dead.get("id").asString() + "/replay", "", 200);
        assertThat(replayed.get("status").asString()).isEqualTo("REPLAYED");
        assertThat(replayed.get("replayCount").asInt()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> listener.reasons.contains(reason));
        assertThat(text("/actuator/prometheus")).contains("dlq_replay_success_total{", "topic=\"alpha-panda.control\"");
    }

    @Test
    void replayThatFailsAgainBecomesANewDeadLetterLinkedToTheFirst() throws Exception {
        String reason = "fails-twice-" + UUID.randomUUID();
        listener.transientFailuresLeft.put(reason, new AtomicInteger(100));
        Envelope<TradingStateChanged> sent = publish(reason);
        JsonNode first = awaitDeadLetter("reason=max_retries_exceeded", d -> d.path("correlationId").asString("")
                .equals(sent.correlationId()));

        post("/api/v1/dlq/" + first.get("id").asString() + "/replay", "", 200);

        JsonNode second = awaitDeadLetter("reason=max_retries_exceeded", d -> d.path("replayOf").asString("")
                .equals(first.get("id").asString()));
        assertThat(second.get("id").asString()).isNotEqualTo(first.get("id").asString());
        assertThat(second.get("correlationId").asString()).isEqualTo(sent.correlationId());
    }

    @Test
    void bulkReplayDryRunSaysWhatWouldBeReplayedAndTheRealRunReplaysIt() throws Exception {
        Instant from = Instant.now().minusSeconds(1);
        String marker = "bulk-" + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            sendRaw(("{\"bulk\":\"" + marker + "\"}").getBytes(StandardCharsets.UTF_8), marker);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> list("topic=" + CONTROL + "&reason=invalid_event&size=500")
                .stream().filter(d -> d.path("key").asString("").equals(marker)).count() == 3);
        Instant to = Instant.now().plusSeconds(1);
        String body = "{\"topic\":\"" + CONTROL + "\",\"from\":\"" + from + "\",\"to\":\"" + to
                + "\",\"reason\":\"invalid_event\"";

        JsonNode dry = post("/api/v1/dlq/replay", body + "}", 200);
        assertThat(dry.get("dryRun").asBoolean()).isTrue();
        assertThat(dry.get("matched").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(dry.get("replayed").asInt()).isZero();
        assertThat(list("topic=" + CONTROL + "&status=PENDING&size=500").stream()
                .filter(d -> d.path("key").asString("").equals(marker))).hasSize(3);

        JsonNode real = post("/api/v1/dlq/replay", body + ",\"dryRun\":false}", 200);
        assertThat(real.get("replayed").asInt()).isEqualTo(dry.get("matched").asInt());
        assertThat(list("topic=" + CONTROL + "&status=REPLAYED&size=500").stream()
                .filter(d -> d.path("key").asString("").equals(marker))).hasSize(3);
        // the replayed poison fails again: new dead letters, each linked to its original (at least three: the
        // risk manager's control listener dead-lettered the poison too, and its copies are replayed as well)
        await().atMost(Duration.ofSeconds(30)).until(() -> list("topic=" + CONTROL + "&status=PENDING&size=500")
                .stream().filter(d -> d.path("key").asString("").equals(marker) && !d.path("replayOf").isNull()
                        && d.has("replayOf")).count() >= 3);
    }

    @Test
    void purgeDeletesOldDeadLettersFromKafkaAndMarksThemPurged() throws Exception {
        String marker = "purge-" + UUID.randomUUID();
        sendRaw("{\"purge\":true}".getBytes(StandardCharsets.UTF_8), marker);
        JsonNode dead = awaitDeadLetter("reason=invalid_event", d -> d.path("key").asString("").equals(marker));

        JsonNode purge = post("/api/v1/dlq/purge", "{\"olderThan\":\"" + Instant.now() + "\"}", 200);

        assertThat(purge.get("purged").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(get("/api/v1/dlq/" + dead.get("id").asString()).get("status").asString()).isEqualTo("PURGED");
        TopicPartition partition = new TopicPartition(CONTROL + ".dlq", dead.get("dlqPartition").asInt());
        long earliest = admin.listOffsets(Map.of(partition, OffsetSpec.earliest())).all().get(10, TimeUnit.SECONDS)
                .get(partition).offset();
        assertThat(earliest).isGreaterThan(dead.get("dlqOffset").asLong());
        JsonNode replayPurged = post("/api/v1/dlq/" + dead.get("id").asString() + "/replay", "", 409);
        assertThat(replayPurged.get("detail").asString()).contains("purged");
    }

    @Test
    void badInputIsAProblemDetailNeverAServerError() throws Exception {
        assertThat(request("GET", "/api/v1/dlq/" + UUID.randomUUID(), null).statusCode()).isEqualTo(404);
        assertThat(request("GET", "/api/v1/dlq/not-a-uuid", null).statusCode()).isEqualTo(400);
        assertThat(request("GET", "/api/v1/dlq?status=LOST", null).statusCode()).isEqualTo(400);
        HttpResponse<String> range = request("GET", "/api/v1/dlq?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z",
                null);
        assertThat(range.statusCode()).isEqualTo(400);
        assertThat(range.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).contains("application/problem+json"));
        assertThat(JSON.readTree(range.body()).get("detail").asString()).contains("must be after");
        assertThat(request("GET", "/api/v1/dlq?size=100000", null).statusCode()).isEqualTo(400);
        assertThat(request("POST", "/api/v1/dlq/purge", "{\"olderThan\":\"" + Instant.now().plusSeconds(3600) + "\"}")
                .statusCode()).isEqualTo(400);
        assertThat(request("POST", "/api/v1/dlq/purge", "{\"olderThan\":").statusCode()).isEqualTo(400);
        assertThat(request("POST", "/api/v1/dlq/purge", "{\"olderThan\":\"yesterday\"}").statusCode()).isEqualTo(400);
        assertThat(request("POST", "/api/v1/dlq/replay", "{\"topic\":\"" + CONTROL + "\",\"from\":\""
                + Instant.now() + "\",\"to\":\"" + Instant.now().minusSeconds(60) + "\"}").statusCode()).isEqualTo(400);
        assertThat(request("POST", "/api/v1/dlq/replay", "{}").statusCode()).isEqualTo(400);
    }

    @Test
    void commandLineListsShowsAndReplaysThroughTheApi() throws Exception {
        String marker = "cli-" + UUID.randomUUID();
        sendRaw("{\"cli\":1}".getBytes(StandardCharsets.UTF_8), marker);
        JsonNode dead = awaitDeadLetter("reason=invalid_event", d -> d.path("key").asString("").equals(marker));
        String url = "http://localhost:" + port;

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertThat(cli(out, err, "dlq", "list", "--url", url, "--topic", CONTROL, "--status", "pending")).isZero();
        assertThat(out.toString()).contains("DEAD-LETTERED AT", dead.get("id").asString(), "invalid_event");

        assertThat(cli(out, err, "dlq", "show", dead.get("id").asString(), "--url", url)).isZero();
        assertThat(out.toString()).contains("\"valueBase64\"", "\"cli\" : 1");

        assertThat(cli(out, err, "dlq", "replay-bulk", "--url", url, "--topic", CONTROL, "--from",
                Instant.now().minusSeconds(600).toString(), "--to", Instant.now().plusSeconds(60).toString())).isZero();
        assertThat(out.toString()).contains("\"dryRun\" : true");

        assertThat(cli(out, err, "dlq", "show", UUID.randomUUID().toString(), "--url", url)).isEqualTo(1);
        assertThat(err.toString()).contains("alpha-panda: error: 404 no dead letter with id");
        assertThat(cli(out, err, "dlq", "purge", "--older-than", Instant.now().plusSeconds(3600).toString(),
                "--url", url)).isEqualTo(1);
        assertThat(err.toString()).contains("400", "in the future");
        assertThat(cli(out, err, "dlq", "list", "--url", "http://127.0.0.1:1")).isEqualTo(1);
        assertThat(err.toString()).contains("no Alpha Panda answers at http://127.0.0.1:1");
    }

    private static int cli(StringWriter out, StringWriter err, String... args) {
        String[] withToken = java.util.stream.Stream.concat(java.util.Arrays.stream(args),
                java.util.stream.Stream.of("--token", ApiTestClient.ADMIN_TOKEN)).toArray(String[]::new);
        return AlphaPandaCommand.execute(withToken, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private Envelope<TradingStateChanged> publish(String reason) {
        Envelope<TradingStateChanged> envelope = Envelopes.root(Topics.CONTROL, new TradingStateChanged(Broker.PAPER,
                TradingState.ACTIVE, TradingState.ACTIVE, reason, "test", Instant.now()), "test");
        publisher.publish(Topics.CONTROL, envelope).join();
        return envelope;
    }

    private void sendRaw(byte[] value) throws Exception {
        String marker = JSON.readTree(value).path("marker").asString();
        sendRaw(value, marker);
    }

    private void sendRaw(byte[] value, String key) throws Exception {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrapServers);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(CONTROL, key, value)).get();
        }
    }

    private JsonNode awaitDeadLetter(String filter, java.util.function.Predicate<JsonNode> match) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> {
            found[0] = list("topic=" + CONTROL + "&" + filter + "&size=500").stream().filter(match).findFirst()
                    .orElse(null);
            return found[0] != null;
        });
        return found[0];
    }

    /** Only this test's listener's dead letters: the risk manager's control listener dead-letters the poison too. */
    private List<JsonNode> list(String query) throws Exception {
        JsonNode page = get("/api/v1/dlq?" + query + "&service=streaming-it");
        return java.util.stream.StreamSupport.stream(page.get("items").spliterator(), false).toList();
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = request("GET", path, null);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private String text(String path) throws Exception {
        return request("GET", path, null).body();
    }

    private JsonNode post(String path, String body, int expectedStatus) throws Exception {
        HttpResponse<String> response = request("POST", path, body);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(expectedStatus);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> request(String method, String path, String body) {
        return new ApiTestClient(port).request(method, path, body);
    }
}
