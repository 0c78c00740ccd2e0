package com.alphapanda.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** Lag, status and alerts read from the embedded broker for groups the tests create and drive. */
@MonitoringIntegrationTest
class ConsumerLagIT {

    private static final Duration WAIT = Duration.ofSeconds(45);

    @Autowired
    Admin admin;

    @Autowired
    ConsumerLagMonitor monitor;

    @Autowired
    LagAlerts alerts;

    @Autowired
    MeterRegistry registry;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Value("${alpha-panda.instance-id}")
    String instanceId;

    KafkaFixture kafka;

    @BeforeEach
    void fixture() {
        kafka = new KafkaFixture(admin, bootstrapServers);
    }

    private GroupLag awaitGroup(String group, Predicate<GroupLag> condition) {
        return awaitReport(group, condition).group(group).orElseThrow();
    }

    private LagReport awaitReport(String group, Predicate<GroupLag> condition) {
        return await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(
                () -> monitor.lastReport().orElse(null),
                r -> r != null && r.group(group).filter(condition).isPresent());
    }

    @Test
    void stoppedGroupLagsByExactlyTheRecordsProducedWithTheAgeOfTheOldestAndCatchesUpWhenStarted() throws Exception {
        String topic = kafka.topic("lag-it", 2);
        String group = "alpha-panda.lag-it.stopped-" + System.nanoTime();
        kafka.commit(group, topic, 0, 0);
        Instant oldest = Instant.now().minusSeconds(120).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        kafka.produce(topic, 0, 7, oldest);
        kafka.produce(topic, 1, 5, oldest.plusSeconds(60));

        LagReport report = awaitReport(group, g -> g.totalLag() == 12);
        GroupLag lagging = report.group(group).orElseThrow();
        assertThat(lagging.partitions()).extracting(PartitionLag::messageLag).containsExactly(7L, 5L);
        assertThat(lagging.maxLag()).isEqualTo(7);
        assertThat(lagging.state()).isEqualTo("EMPTY");
        PartitionLag p0 = lagging.partitions().getFirst();
        Duration age = p0.timeLag().orElseThrow();
        assertThat(age).as("now minus the timestamp of the oldest unconsumed record")
                .isEqualTo(Duration.between(oldest, report.collectedAt()));
        assertThat(age).isBetween(Duration.ofSeconds(120), Duration.ofSeconds(120).plus(WAIT));
        assertThat(lagging.partitions().get(1).timeLag())
                .contains(Duration.between(oldest.plusSeconds(60), report.collectedAt()));
        assertThat(lagging.maxTimeLag()).contains(age);
        assertThat(lagging.topics()).singleElement().satisfies(t -> {
            assertThat(t.totalLag()).isEqualTo(12);
            assertThat(t.averageLag()).isEqualTo(6.0);
            assertThat(t.partitionsOverThreshold()).as("7 > 5; 5 is not").isEqualTo(1);
        });

        kafka.consumeAll(group, topic, 12);

        GroupLag caughtUp = awaitGroup(group, g -> g.totalLag() == 0);
        assertThat(caughtUp.status()).isEqualTo(LagStatus.OK);
        assertThat(caughtUp.partitions()).allSatisfy(p -> {
            assertThat(p.messageLag()).isZero();
            assertThat(p.timeLag()).contains(Duration.ZERO);
        });
    }

    @Test
    void partitionsWithoutACommittedOffsetCountTheirWholeLog() throws Exception {
        String topic = kafka.topic("lag-it-uncommitted", 3);
        String group = "alpha-panda.lag-it.partial-" + System.nanoTime();
        kafka.produce(topic, 0, 4, Instant.now());
        kafka.produce(topic, 2, 9, Instant.now());
        kafka.commit(group, topic, 4);

        GroupLag g = awaitGroup(group, x -> x.partitions().size() == 3);
        assertThat(g.partitions()).extracting(PartitionLag::messageLag).containsExactly(0L, 0L, 9L);
        assertThat(g.partitions().get(2).committedOffset()).isEmpty();
    }

    @Test
    void groupThatCommitsNothingWhileLagGrowsIsStallThenStop() throws Exception {
        String topic = kafka.topic("lag-it-stall", 1);
        String group = "alpha-panda.lag-it.stall-" + System.nanoTime();
        kafka.commit(group, topic, 0);
        kafka.produce(topic, 0, 3, Instant.now());
        List<LagStatus> seen = new ArrayList<>();

        awaitGroup(group, g -> seen.add(g.status()) && g.status() == LagStatus.STALL);
        kafka.produce(topic, 0, 3, Instant.now());
        GroupLag stopped = awaitGroup(group, g -> g.status() == LagStatus.STOP);

        assertThat(stopped.totalLag()).isEqualTo(6);
        assertThat(registry.get("consumer.group.status").tag("group", group).gauge().value())
                .isEqualTo(LagStatus.STOP.code());
    }

    @Test
    void resettingOffsetsBackwardsIsRewind() throws Exception {
        String topic = kafka.topic("lag-it-rewind", 1);
        String group = "alpha-panda.lag-it.rewind-" + System.nanoTime();
        kafka.produce(topic, 0, 10, Instant.now());
        kafka.commit(group, topic, 10);
        awaitGroup(group, g -> g.totalLag() == 0 && g.status() == LagStatus.OK);

        kafka.commit(group, topic, 2);

        GroupLag rewound = awaitGroup(group, g -> g.status() == LagStatus.REWIND);
        assertThat(rewound.totalLag()).isEqualTo(8);
    }

    @Test
    void thresholdBreachRaisesOneAlertAndRecoveryClearsIt() throws Exception {
        String topic = kafka.topic("lag-it-alert", 1);
        String group = "alpha-panda.lag-it.alert-" + System.nanoTime();
        double raisedBefore = registry.get("consumer.lag.alerts").tag("kind", "lag_messages").counter().count();
        kafka.commit(group, topic, 0);
        kafka.produce(topic, 0, 8, Instant.now());

        await().atMost(WAIT).until(() -> messageAlert(alerts.active(), group).isPresent());
        awaitGroup(group, g -> true);
        kafka.commit(group, topic, 8);
        await().atMost(WAIT).until(() -> messageAlert(alerts.active(), group).isEmpty());

        LagAlert cleared = messageAlert(alerts.recentlyCleared(), group).orElseThrow();
        assertThat(cleared.raisedDetail()).contains("8 > 5");
        assertThat(cleared.clearedAt()).isPresent();
        assertThat(alerts.recentlyCleared().stream()
                .filter(a -> a.group().equals(group) && a.kind() == AlertKind.LAG_MESSAGES)).hasSize(1);
        assertThat(registry.get("consumer.lag.alerts").tag("kind", "lag_messages").counter().count())
                .isGreaterThanOrEqualTo(raisedBefore + 1);
    }

    @Test
    void aRetiredInstancesOwnGroupIsLeftOutWhileAStoppedSharedGroupIsReported() throws Exception {
        String topic = kafka.topic("lag-it-retired", 1);
        String retired = "alpha-panda.risk-manager.ticks.retired-host-" + System.nanoTime();
        String stopped = "alpha-panda.lag-it.stopped-beside-retired-" + System.nanoTime();
        kafka.commit(retired, topic, 0);
        kafka.commit(stopped, topic, 0);
        kafka.produce(topic, 0, 3, Instant.now());

        LagReport report = awaitReport(stopped, g -> g.totalLag() == 3);

        assertThat(report.group(retired)).as("a per-instance group (risk prices) of an instance that no longer runs")
                .isEmpty();
        assertThat(report.groups()).extracting(GroupLag::group).contains("alpha-panda.risk-manager.ticks." + instanceId);
    }

    @Test
    void deletedGroupDisappearsFromTheReport() throws Exception {
        String topic = kafka.topic("lag-it-gone", 1);
        String group = "alpha-panda.lag-it.gone-" + System.nanoTime();
        kafka.commit(group, topic, 0);
        awaitGroup(group, g -> true);

        admin.deleteConsumerGroups(List.of(group)).all().get();

        await().atMost(WAIT).until(() -> monitor.lastReport().flatMap(r -> r.group(group)).isEmpty());
        assertThat(registry.find("consumer.group.status").tag("group", group).gauge()).isNull();
    }

    private static Optional<LagAlert> messageAlert(List<LagAlert> alerts, String group) {
        return alerts.stream().filter(a -> a.group().equals(group) && a.kind() == AlertKind.LAG_MESSAGES).findFirst();
    }
}
