package com.alphapanda.platform;

import static org.awaitility.Awaitility.await;

import com.alphapanda.core.event.Broker;
import com.alphapanda.core.event.EventCodec;
import com.alphapanda.core.event.EventPayload;
import com.alphapanda.core.event.OrderFilled;
import com.alphapanda.core.event.OrderSubmitted;
import com.alphapanda.core.event.Envelope;
import com.alphapanda.core.topic.Topics;
import com.alphapanda.embedded.PlatformInstance;
import com.alphapanda.embedded.SharedServers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reading what one run of {@link ScaleOutIT} ended with, from its PostgreSQL and its Kafka topics. */
final class ScaleOutRun {

    private ScaleOutRun() {
    }

    /** What a run ended with, in comparable form (generated ids left out). */
    record Outcome(List<String> fills, List<String> positions, List<String> accounts, List<String> orders,
                   List<String> decisions, List<String> snapshots) {
    }

    /** What must hold inside every run, whatever the other run did. */
    record Integrity(List<String> ledgerMismatches, List<String> duplicateSnapshots, List<String> fillIdsInDatabase,
                     List<String> fillIdsOnKafka, int fillEventsOnKafka, Map<String, Integer> submissionsPerOrderId,
                     List<String> submittedOrderIdsInDatabase) {
    }

    /** The fields every instance's arguments share: servers, strategies' limits, snapshot interval. */
    static List<String> commonArguments() {
        return List.of("--alpha-panda.strategies.runner-concurrency=2",
                "--alpha-panda.monitoring.probe.enabled=false",
                "--alpha-panda.portfolio.snapshot-interval=60s",
                "--alpha-panda.risk.brokers.paper.max-daily-trades=1000000",
                "--alpha-panda.risk.brokers.paper.max-position-size=1000000",
                "--alpha-panda.risk.brokers.paper.max-open-positions=1000",
                "--alpha-panda.risk.brokers.paper.daily-loss-limit=1000000");
    }

    /** The arguments of the instance running the replay feed (and seeding the strategies). */
    static List<String> feedArguments(Path ticks, Path strategies, String speed) {
        return List.of("--alpha-panda.market-feed.source=replay",
                "--alpha-panda.market-feed.replay.file=" + ticks.toAbsolutePath(),
                "--alpha-panda.market-feed.replay.speed=" + speed,
                "--alpha-panda.market-feed.replay.progress-interval=5s",
                "--alpha-panda.strategies.seed-file=" + strategies.toAbsolutePath());
    }

    static boolean replayFinished(PlatformInstance feed) throws Exception {
        return Files.exists(feed.log()) && Files.readString(feed.log()).contains("finished: ");
    }

    /** Waits until the replay has finished and nothing has changed in the database for {@code quiet}. */
    static void awaitSettled(SharedServers servers, PlatformInstance feed, Duration quiet, Duration atMost) {
        List<String> last = new ArrayList<>();
        long[] stableSince = {System.nanoTime()};
        await().atMost(atMost).pollInterval(Duration.ofSeconds(1)).until(() -> {
            if (!replayFinished(feed)) {
                return false;
            }
            List<String> now = rows(servers, "SELECT (SELECT count(*) FROM fills), (SELECT count(*) FROM orders),"
                    + " (SELECT count(*) FROM orders WHERE failure_code IS NOT NULL),"
                    + " (SELECT coalesce(sum(filled_quantity), 0) FROM orders), (SELECT count(*) FROM pnl_snapshots),"
                    + " (SELECT count(*) FROM risk_decisions)");
            if (!now.equals(last)) {
                last.clear();
                last.addAll(now);
                stableSince[0] = System.nanoTime();
                return false;
            }
            return System.nanoTime() - stableSince[0] >= quiet.toNanos();
        });
    }

    static Outcome outcome(SharedServers servers) throws Exception {
        return new Outcome(
                rows(servers, "SELECT strategy_id, instrument_token, side, quantity, price, fees, realized_pnl,"
                        + " event_time FROM fills ORDER BY 1, 2, 8, 3, 5, 4"),
                rows(servers, "SELECT strategy_id, instrument_token, quantity, cost_basis, realized_pnl, fees"
                        + " FROM positions ORDER BY 1, 2"),
                rows(servers, "SELECT strategy_id, cash, realized_pnl, fees, fill_count FROM portfolio_accounts"
                        + " ORDER BY 1"),
                rows(servers, "SELECT strategy_id, instrument_token, side, order_type, time_in_force, quantity,"
                        + " price, filled_quantity, failure_code, submitted_at FROM orders"
                        + " ORDER BY 1, 2, 10, 3, 4, 6, 7, 8, 9"),
                rows(servers, "SELECT strategy_id, validated, count(*) FROM risk_decisions GROUP BY 1, 2"
                        + " ORDER BY 1, 2"),
                rows(servers, "SELECT portfolio_id, snapshot_type, snapshot_timestamp FROM pnl_snapshots"
                        + " ORDER BY 1, 3, 2"));
    }

    static Integrity integrity(SharedServers servers) throws Exception {
        List<Envelope<EventPayload>> filled = readAll(servers.bootstrapServers(),
                Topics.ordersFilled(Broker.PAPER).name());
        List<Envelope<EventPayload>> submitted = readAll(servers.bootstrapServers(),
                Topics.ordersSubmitted(Broker.PAPER).name());
        Map<String, TreeSet<String>> eventsPerOrder = new TreeMap<>();
        for (Envelope<EventPayload> e : submitted) {
            if (e.payload() instanceof OrderSubmitted s) {
                eventsPerOrder.computeIfAbsent(s.orderId(), k -> new TreeSet<>()).add(e.id().asString());
            }
        }
        Map<String, Integer> submissions = new TreeMap<>();
        eventsPerOrder.forEach((order, ids) -> submissions.put(order, ids.size()));
        return new Integrity(
                rows(servers, "SELECT a.strategy_id, a.fill_count, count(f.fill_id), count(DISTINCT f.ledger_seq),"
                        + " max(f.ledger_seq) FROM portfolio_accounts a LEFT JOIN fills f ON f.broker = a.broker"
                        + " AND f.strategy_id = a.strategy_id GROUP BY 1, 2 HAVING a.fill_count <> count(f.fill_id)"
                        + " OR count(f.fill_id) <> count(DISTINCT f.ledger_seq)"
                        + " OR a.fill_count <> coalesce(max(f.ledger_seq), 0)"),
                rows(servers, "SELECT portfolio_id, snapshot_type, snapshot_timestamp, count(*) FROM pnl_snapshots"
                        + " GROUP BY 1, 2, 3 HAVING count(*) > 1"),
                rows(servers, "SELECT fill_id FROM fills ORDER BY 1"),
                distinct(filled, e -> e.payload() instanceof OrderFilled f ? f.fillId() : null),
                (int) filled.stream().filter(e -> e.payload() instanceof OrderFilled).count(),
                submissions,
                rows(servers, "SELECT order_id FROM orders WHERE submitted_at IS NOT NULL ORDER BY 1"));
    }

    private static List<String> distinct(List<Envelope<EventPayload>> events,
                                         Function<Envelope<EventPayload>, String> field) {
        return events.stream().map(field).filter(java.util.Objects::nonNull).distinct().sorted().toList();
    }

    /** Every committed event of a topic. */
    static List<Envelope<EventPayload>> readAll(String bootstrap, String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        EventCodec codec = new EventCodec();
        List<Envelope<EventPayload>> events = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))
                    && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> events.add(codec.decode(r.value())));
            }
        }
        return events;
    }

    static long count(SharedServers servers, String sql) throws Exception {
        return Long.parseLong(rows(servers, sql).getFirst());
    }

    static List<String> rows(SharedServers servers, String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(servers.jdbcUrl(), "postgres", "");
             ResultSet rs = c.createStatement().executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(i > 1 ? " | " : "").append(rs.getString(i));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }
}
