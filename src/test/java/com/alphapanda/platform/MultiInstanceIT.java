package com.alphapanda.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.alphapanda.SseTestClient;
import com.alphapanda.embedded.PlatformInstance;
import com.alphapanda.embedded.SharedServers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three instances in their own JVMs, each running the services docs/operations.md ("Running several instances")
 * gives it, on one shared Kafka cluster of three nodes (replication factor 3, min ISR 2), PostgreSQL and Redis. The
 * front instance runs the simulated feed, the API, monitoring and reconciliation; two workers run strategies, risk
 * and the portfolio manager, the first also the paper venue and the API.
 * Each joins only the consumer groups of its services; a stream client of the front sees the fills and portfolio
 * updates the workers make. The second worker is killed with SIGKILL mid-stream: its groups rebalance to the
 * survivor, which processes every partition up to the end, and orders keep being filled. The instances' logs stay in
 * {@code target/multi-instance-it/<start time>/}.
 */
class MultiInstanceIT {

    private static final List<String> SHARED_GROUPS = List.of("alpha-panda.strategy-runner.ticks",
            "alpha-panda.risk-manager.signals", "alpha-panda.portfolio-manager.orders");
    /** Tick groups are per instance (every instance reads every tick partition), so only the signals group. */
    private static final List<String> PAPER_GROUPS = List.of("alpha-panda.paper-trading.signals");
    private static final List<String> INSTANCES = List.of("multi-front", "multi-one", "multi-two");
    private static final Duration START = Duration.ofSeconds(150);

    @TempDir
    Path dir;

    @Test
    void theSurvivorsTakeOverTheWorkOfAnInstanceKilledMidStreamAndEachInstanceRunsOnlyItsServices()
            throws Exception {
        Path logs = Files.createDirectories(Path.of("target", "multi-instance-it",
                Long.toString(System.currentTimeMillis())));
        try (SharedServers servers = SharedServers.start(dir.resolve("servers"));
             Admin admin = servers.admin();
             PlatformInstance front = PlatformInstance.of(servers, "multi-front", "feed,api,monitoring,reconciliation",
                     logs, "--alpha-panda.market-feed.source=simulated",
                     "--alpha-panda.market-feed.simulated.tick-interval=200ms",
                     "--alpha-panda.market-feed.simulated.instruments=738561,81153,2953217,1270529,256265,260105",
                     "--alpha-panda.market-feed.simulated.volatility=0.004",
                     "--alpha-panda.strategies.seed-file="
                             + Path.of("src/test/resources/multi-instance/strategies.yaml").toAbsolutePath());
             PlatformInstance worker1 = worker(servers, "multi-one", ",paper-trading,api", logs);
             PlatformInstance worker2 = worker(servers, "multi-two", "", logs)) {
            front.start().awaitReady(START); // migrates the schema, creates the topics, seeds the strategies
            worker1.start();
            worker2.start();
            worker1.awaitReady(START);
            worker2.awaitReady(START);

            awaitMembers(admin, SHARED_GROUPS, Set.of("multi-one", "multi-two"));
            awaitMembers(admin, PAPER_GROUPS, Set.of("multi-one"));
            assertThat(front.api().get("/actuator/info").at("/instance/services").toString())
                    .isEqualTo("[\"feed\",\"reconciliation\",\"monitoring\",\"api\"]");
            assertThat(worker2.api().request("GET", "/api/v1/portfolios", null).statusCode())
                    .as("no api service on worker 2").isEqualTo(404);
            try (SseTestClient stream = new SseTestClient(front.port(), null)) {
                await().atMost(Duration.ofSeconds(60)).until(() -> !stream.named("fill").isEmpty()
                        && !stream.named("portfolio").isEmpty());
            }

            long fillsBeforeKill = fills(servers);
            worker2.kill();
            awaitMembers(admin, SHARED_GROUPS, Set.of("multi-one"));
            Map<TopicPartition, Long> ends = admin.listOffsets(ticksPartitions(admin).stream()
                    .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()))).all().get().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() ->
                    reached(admin, "alpha-panda.strategy-runner.ticks", ends)
                            && reached(admin, "alpha-panda.portfolio-manager.ticks.multi-one", ends));
            await().atMost(Duration.ofSeconds(60)).until(() -> fills(servers) > fillsBeforeKill);
            assertThat(front.isAlive() && worker1.isAlive()).isTrue();
        }
    }

    private static PlatformInstance worker(SharedServers servers, String id, String extraServices, Path logs)
            throws Exception {
        String services = "strategies,risk,portfolio" + extraServices;
        return PlatformInstance.of(servers, id, services, logs, "--alpha-panda.strategies.runner-concurrency=2",
                "--alpha-panda.risk.brokers.paper.max-daily-trades=1000000",
                "--alpha-panda.risk.brokers.paper.max-position-size=1000000");
    }

    /** Each of these groups has members from exactly these instances (none from any other). */
    private static void awaitMembers(Admin admin, List<String> groups, Set<String> instances) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            Map<String, List<String>> members = SharedServers.memberClientIds(admin, groups);
            return members.values().stream().allMatch(clients -> clients.stream()
                    .map(MultiInstanceIT::instanceOf).collect(Collectors.toSet()).equals(instances));
        });
    }

    /** Client ids start with the instance id (spring.kafka.client-id). */
    private static String instanceOf(String clientId) {
        return INSTANCES.stream().filter(clientId::startsWith).findFirst().orElse(clientId);
    }

    private static List<TopicPartition> ticksPartitions(Admin admin) throws Exception {
        return admin.describeTopics(List.of("market.ticks")).allTopicNames().get().get("market.ticks").partitions()
                .stream().map(p -> new TopicPartition("market.ticks", p.partition())).toList();
    }

    private static boolean reached(Admin admin, String group, Map<TopicPartition, Long> ends) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get();
        return ends.entrySet().stream().allMatch(e -> e.getValue() == 0 || (committed.get(e.getKey()) != null
                && committed.get(e.getKey()).offset() >= e.getValue()));
    }

    private static long fills(SharedServers servers) throws Exception {
        try (Connection c = DriverManager.getConnection(servers.jdbcUrl(), "postgres", "");
             ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM fills")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
