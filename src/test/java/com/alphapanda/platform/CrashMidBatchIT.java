package com.alphapanda.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.alphapanda.PipelineTestSupport;
import com.alphapanda.core.event.Broker;
import com.alphapanda.core.event.Envelope;
import com.alphapanda.core.event.EventPayload;
import com.alphapanda.core.event.OrderFilled;
import com.alphapanda.core.event.SignalType;
import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.core.id.StrategyId;
import com.alphapanda.core.streaming.EventPublisher;
import com.alphapanda.core.topic.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Batches in flight on every stage when an instance dies: two instances share the groups; ticks, BUY and SELL
 * signals stream in while the second, a separate JVM, is killed with SIGKILL in the middle of its batches and then
 * started again. Afterwards every validated signal has exactly one outcome (one fill, or one failure for a SELL the
 * venue refused), no fill is duplicated or lost, the ledger holds exactly the fills, and every position equals the
 * signed sum of its fills.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.consumer.properties.session.timeout.ms=6000",
        "spring.kafka.consumer.properties.heartbeat.interval.ms=1000",
        "spring.kafka.producer.properties.transaction.timeout.ms=10000"})
class CrashMidBatchIT {

    private static final int PAIRS = 1500;
    private static final int STRATEGIES = 75;
    private static final List<String> GROUPS = List.of("alpha-panda.strategy-runner.ticks",
            "alpha-panda.risk-manager.signals", "alpha-panda.paper-trading.signals",
            "alpha-panda.portfolio-manager.orders"); // the paper venue's tick group is per instance

    @Autowired
    EventPublisher publisher;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Environment env;
    @LocalServerPort
    int port;
    @TempDir
    Path logs;

    private SecondInstance second;

    @AfterEach
    void stopSecond() throws Exception {
        if (second != null) {
            second.close();
        }
    }

    @Test
    void everyValidatedSignalHasExactlyOneOutcomeAndTheLedgerEqualsTheFillsAfterAKillMidBatch() throws Exception {
        PipelineTestSupport pipeline = new PipelineTestSupport(publisher, port);
        pipeline.ensurePaperTradingActive(jdbc);
        second = new SecondInstance(env, "batch-crash-second", logs);
        second.start("second-1.log");
        second.awaitMembers(2, GROUPS);

        String prefix = "batchcrash_" + Long.toString(System.nanoTime(), 36);
        CompletableFuture<Void> traffic = CompletableFuture.runAsync(() -> publishTraffic(pipeline, prefix));
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(20)).until(() -> decided(prefix) >= 200);
        second.kill(); // SIGKILL with batches of ticks, signals and fills in flight
        long decidedAtKill = decided(prefix);
        second.start("second-2.log");
        traffic.join();

        int signals = 2 * PAIRS;
        await().atMost(Duration.ofSeconds(300)).pollInterval(Duration.ofSeconds(2)).until(() ->
                decided(prefix) == signals && outcomes(prefix) >= validated(prefix).size());
        Thread.sleep(5_000); // a duplicate, if any, would arrive now

        List<Envelope<EventPayload>> validated = validated(prefix);
        List<Envelope<EventPayload>> fills = SecondInstance.read(env, Topics.ordersFilled(Broker.PAPER).name(), prefix);
        List<Envelope<EventPayload>> failed = SecondInstance.read(env, Topics.ordersFailed(Broker.PAPER).name(), prefix);
        System.out.printf("crash mid-batch: %d decided at the kill; %d validated, %d fills, %d refused%n",
                decidedAtKill, validated.size(), fills.size(), failed.size());
        assertThat(decidedAtKill).as("killed mid-stream").isLessThan(signals);
        assertThat(fills.stream().filter(f -> ((OrderFilled) f.payload()).side() == SignalType.SELL))
                .as("SELLs filled").isNotEmpty();

        Map<String, Long> outcomesPerSignal = java.util.stream.Stream.concat(fills.stream(), failed.stream())
                .collect(Collectors.groupingBy(e -> e.causationId().asString(), Collectors.counting()));
        Map<String, Long> expected = validated.stream()
                .collect(Collectors.toMap(v -> v.id().asString(), v -> 1L));
        assertThat(outcomesPerSignal).as("one outcome per validated signal").isEqualTo(expected);
        assertThat(fills.stream().map(f -> ((OrderFilled) f.payload()).fillId()).distinct()).hasSize(fills.size());

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() ->
                ledgerFillIds(prefix).size() == fills.size());
        Thread.sleep(3_000);
        assertThat(ledgerFillIds(prefix)).containsExactlyInAnyOrderElementsOf(
                fills.stream().map(f -> ((OrderFilled) f.payload()).fillId()).toList());
        assertThat(ledgerPositions(prefix)).isEqualTo(signedSums(fills));
    }

    /** For each pair: ticks on its instrument, a BUY of 2 and a SELL of 1 (same key, so in order). */
    private void publishTraffic(PipelineTestSupport pipeline, String prefix) {
        for (int i = 0; i < PAIRS; i++) {
            StrategyId strategy = StrategyId.of(prefix + "_" + (i % STRATEGIES));
            InstrumentToken token = InstrumentToken.of(70_000_000L + i);
            Instant at = PipelineTestSupport.SESSION.plusMillis(i);
            pipeline.tick(token, "100.00", at);
            pipeline.signal(strategy, token, SignalType.BUY, 2, "100", null, at);
            pipeline.tick(token, "100.05", at.plusMillis(1));
            pipeline.signal(strategy, token, SignalType.SELL, 1, "100", null, at.plusMillis(1));
        }
    }

    private long decided(String prefix) {
        return jdbc.sql("SELECT count(*) FROM risk_decisions WHERE strategy_id LIKE :p").param("p", prefix + "%")
                .query(Long.class).single();
    }

    private List<Envelope<EventPayload>> validated(String prefix) {
        return SecondInstance.read(env, Topics.signalsValidated(Broker.PAPER).name(), prefix);
    }

    private long outcomes(String prefix) {
        return SecondInstance.read(env, Topics.ordersFilled(Broker.PAPER).name(), prefix).size()
                + SecondInstance.read(env, Topics.ordersFailed(Broker.PAPER).name(), prefix).size();
    }

    private List<String> ledgerFillIds(String prefix) {
        return jdbc.sql("SELECT fill_id FROM fills WHERE strategy_id LIKE :p").param("p", prefix + "%")
                .query(String.class).list();
    }

    private Map<String, Long> ledgerPositions(String prefix) {
        Map<String, Long> positions = new HashMap<>();
        jdbc.sql("SELECT strategy_id, instrument_token, quantity FROM positions WHERE strategy_id LIKE :p")
                .param("p", prefix + "%")
                .query(rs -> {
                    positions.put(rs.getString(1) + ":" + rs.getLong(2), rs.getLong(3));
                });
        return positions;
    }

    private static Map<String, Long> signedSums(List<Envelope<EventPayload>> fills) {
        Function<OrderFilled, Long> signed = f -> f.side() == SignalType.BUY ? f.quantity().value()
                : -f.quantity().value();
        return fills.stream().map(f -> (OrderFilled) f.payload()).collect(Collectors.groupingBy(
                f -> f.strategyId().value() + ":" + f.instrumentToken().value(),
                Collectors.summingLong(signed::apply)));
    }
}
