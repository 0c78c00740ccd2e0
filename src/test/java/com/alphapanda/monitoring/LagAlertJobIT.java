package com.alphapanda.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.alphapanda.core.jobs.ClusterJob;
import com.alphapanda.core.jobs.ClusterJobs;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Lag alerts across instances: every instance evaluates the same lag, one instance (the lag-alert job's owner)
 * stores and announces each alert once, and the instance taking the job over neither raises it again nor leaves it
 * uncleared. The context's own lag collection is off, so only the two instances of the test write alerts.
 */
@SpringBootTest(properties = "alpha-panda.monitoring.lag.enabled=false")
class LagAlertJobIT {

    private static final Instant T0 = Instant.parse("2026-11-26T05:00:00Z");

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;

    /** One instance's lag alerting: its own evaluation, metrics and live events, sharing the database. */
    private final class Instance {
        final LagAlerts alerts = new LagAlerts(true, 1000, Duration.ofMinutes(1), 1);
        final SimpleMeterRegistry registry = new SimpleMeterRegistry();
        final List<Object> announced = new ArrayList<>();
        final LagAlertJob job;

        Instance(ClusterJob owned) {
            job = new LagAlertJob(alerts, new LagAlertStore(jdbc), new LagMetrics(registry, alerts),
                    (name, data) -> announced.add(data), owned);
        }

        void collect(LagReport report) {
            alerts.evaluate(report);
            job.afterCollection(report);
        }

        double raised() {
            return registry.get("consumer.lag.alerts").tag("kind", "lag_messages").counter().count();
        }
    }

    @Test
    void twoInstancesRaiseALagAlertOnceAndTheOneTakingTheJobOverClearsItWithoutRaisingItAgain() {
        String job = "it.lag-alerts." + UUID.randomUUID();
        String group = "alpha-panda.lag-job-it." + System.nanoTime();
        LagAlertStore store = new LagAlertStore(jdbc);
        try (ClusterJobs first = new ClusterJobs(dataSource, Duration.ofMillis(200));
             ClusterJobs second = new ClusterJobs(dataSource, Duration.ofMillis(200))) {
            Instance a = new Instance(first.job(job));
            ClusterJob secondJob = second.job(job);
            Instance b = new Instance(secondJob);

            a.collect(report(0, group, 1500));
            b.collect(report(0, group, 1500));
            assertThat(mine(store.active(), group)).singleElement()
                    .satisfies(alert -> assertThat(alert.raisedDetail()).contains("1500 > 1000"));
            assertThat(a.raised() + b.raised()).isEqualTo(1);
            assertThat(a.announced).hasSize(1);
            assertThat(b.announced).isEmpty();

            first.close();
            await().atMost(Duration.ofSeconds(10)).until(secondJob::owned);
            b.collect(report(30, group, 1600));
            assertThat(mine(store.active(), group)).hasSize(1);
            assertThat(b.raised()).as("already stored by the previous owner: not raised again").isZero();
            assertThat(b.announced).isEmpty();

            b.collect(report(60, group, 10));
            assertThat(mine(store.active(), group)).isEmpty();
            assertThat(mine(store.recentlyCleared(), group)).singleElement()
                    .satisfies(alert -> assertThat(alert.clearedAt()).contains(T0.plusSeconds(60)));
            assertThat(jdbc.sql("SELECT count(*) FROM lag_alerts WHERE consumer_group = :g").param("g", group)
                    .query(Long.class).single()).isEqualTo(1);
        }
    }

    private static List<LagAlert> mine(List<LagAlert> alerts, String group) {
        return alerts.stream().filter(a -> a.group().equals(group) && a.kind() == AlertKind.LAG_MESSAGES).toList();
    }

    private static LagReport report(int seconds, String group, long maxLag) {
        GroupLag lag = new GroupLag(group, "STABLE", 1, LagStatus.OK, Optional.empty(), maxLag, maxLag,
                Optional.of(Duration.ZERO), List.of(), List.of());
        return new LagReport(T0.plusSeconds(seconds), Duration.ZERO, Optional.empty(), List.of(lag));
    }
}
