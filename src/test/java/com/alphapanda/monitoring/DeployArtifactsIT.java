package com.alphapanda.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.alphapanda.ApiTestClient;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The shipped Prometheus rules and Grafana dashboard parse and read only metrics the application exports. */
@MonitoringIntegrationTest
class DeployArtifactsIT {

    private static final Path RULES = Path.of("deploy/prometheus/alpha-panda-alerts.yml");
    private static final Path DASHBOARD = Path.of("deploy/grafana/alpha-panda-monitoring.json");

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry registry;

    @org.springframework.beans.factory.annotation.Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Test
    void alertRulesParseAndReferenceOnlyExportedMetrics() throws Exception {
        Map<String, Set<String>> referenced = new TreeMap<>();
        try (InputStream in = Files.newInputStream(RULES)) {
            Map<String, Object> root = new Yaml().load(in);
            for (Map<String, Object> group : list(root.get("groups"))) {
                assertThat(group.get("name")).isNotNull();
                for (Map<String, Object> rule : list(group.get("rules"))) {
                    assertThat(rule).containsKeys("alert", "expr", "labels", "annotations");
                    assertThat(((Map<?, ?>) rule.get("labels")).containsKey("severity")).as("severity label").isTrue();
                    referenced.put((String) rule.get("alert"), PromQlMetricNames.of((String) rule.get("expr")));
                }
            }
        }
        assertThat(referenced.keySet()).contains("ConsumerLagHigh", "ConsumerTimeLagHigh", "ConsumerGroupStopped",
                "SchemaValidationFailed", "TicksStale", "PipelineStageInactive", "PipelineE2ELatencyHigh",
                "DeadLettersGrowing", "CorsRejections");
        assertExported(referenced);
    }

    @Test
    void dashboardParsesAndReferencesOnlyExportedMetrics() throws Exception {
        JsonNode dashboard = JsonMapper.builder().build().readTree(Files.readString(DASHBOARD));
        assertThat(dashboard.get("uid").asString()).isEqualTo("alpha-panda-monitoring");
        Map<String, Set<String>> referenced = new TreeMap<>();
        for (JsonNode panel : dashboard.get("panels")) {
            assertThat(panel.get("targets").isEmpty()).as(panel.get("title").asString()).isFalse();
            Set<String> names = new TreeSet<>();
            panel.get("targets").forEach(t -> names.addAll(PromQlMetricNames.of(t.get("expr").asString())));
            referenced.put(panel.get("title").asString(), names);
        }
        for (JsonNode variable : dashboard.get("templating").get("list")) {
            referenced.put("variable " + variable.get("name").asString(),
                    PromQlMetricNames.ofLabelValues(variable.get("query").asString()));
        }
        assertExported(referenced);
    }

    private void assertExported(Map<String, Set<String>> referenced) throws Exception {
        assertThat(referenced.values().stream().flatMap(Set::stream)).isNotEmpty();
        // a dead letter and a CORS rejection, so that the series counted per event exist too
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<String, String>(java.util.Map.of(
                "bootstrap.servers", bootstrapServers), new org.apache.kafka.common.serialization.StringSerializer(),
                new org.apache.kafka.common.serialization.StringSerializer())) {
            producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>("alpha-panda.control", "paper",
                    "{not an event")).get();
        }
        new ApiTestClient(port).request("GET", "/api/v1/dlq", null, java.util.Map.of("Origin", "http://evil.example"));
        // groups exist (the probe's own at least) and the probe has measured once, so every series is present
        await().atMost(Duration.ofSeconds(30)).until(() ->
                registry.find("consumer.lag.messages").gauges().size() > 0
                        && registry.get("pipeline.e2e.latency").timer().count() > 0
                        && registry.find("dlq.messages").counters().size() > 0
                        && registry.find("cors.rejected").counters().size() > 0);
        Set<String> exported = exportedNames();
        referenced.forEach((where, names) -> assertThat(exported).as(where + " reads").containsAll(names));
    }

    private Set<String> exportedNames() {
        return new ApiTestClient(port).text("/actuator/prometheus").lines()
                .filter(l -> !l.startsWith("#") && !l.isBlank())
                .map(l -> l.split("[{ ]", 2)[0]).collect(Collectors.toSet());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }
}
