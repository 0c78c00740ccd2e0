package com.alphapanda.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

/** Without a reachable broker the lag is reported as unknown with the reason, never as zero. */
class ConsumerLagMonitorTest {

    @Test
    void unreachableBrokerIsReportedAsAnErrorAndCountedNotAsZeroLag() {
        Map<String, Object> config = Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 300, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 500,
                CommonClientConfigs.RECONNECT_BACKOFF_MAX_MS_CONFIG, 100);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        LagAlerts alerts = new LagAlerts(true, 1000, Duration.ofMinutes(1), 1);
        try (Admin admin = Admin.create(config);
             RecordTimestamps timestamps = new RecordTimestamps(new KafkaConsumer<>(
                     Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1"),
                     new ByteArrayDeserializer(), new ByteArrayDeserializer()), Duration.ofMillis(500))) {
            ConsumerLagMonitor monitor = new ConsumerLagMonitor(
                    new BrokerOffsetsReader(admin, "alpha-panda.", Duration.ofMillis(500),
                            new RetiredInstanceGroups(List::of, "test-1")), timestamps,
                    new LagAssembler(4, Duration.ofMinutes(2), 1000), alerts, new LagMetrics(registry, alerts),
                    Clock.systemUTC());

            LagReport report = monitor.collect();

            assertThat(report.error()).hasValueSatisfying(e -> assertThat(e).startsWith("broker unreachable"));
            assertThat(monitor.lastReport()).contains(report);
            assertThat(registry.get("consumer.lag.collection.failures").counter().count()).isEqualTo(1);
            assertThat(registry.get("consumer.lag.collection").timer().count()).isEqualTo(1);
            assertThat(registry.find("consumer.lag.messages").gauges()).isEmpty();
        }
    }
}
