package com.alphapanda.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.alphapanda.ApiTestClient;
import com.alphapanda.PipelineTestSupport;
import com.alphapanda.core.event.Envelope;
import com.alphapanda.core.event.EventCodec;
import com.alphapanda.core.event.EventPayload;
import com.alphapanda.core.event.OrderFilled;
import com.alphapanda.core.event.SignalType;
import com.alphapanda.core.event.ValidatedSignal;
import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.core.id.StrategyId;
import com.alphapanda.core.streaming.EventPublisher;
import com.alphapanda.core.topic.Topics;
import java.io.File;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two instances share the work (consumer groups split the partitions). The second, a separate JVM, is killed with
 * SIGKILL while signals are being processed, then started again. Afterwards every validated signal has exactly one
 * fill: nothing lost in the crash, nothing done twice.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.consumer.properties.session.timeout.ms=6000",
        "spring.kafka.consumer.properties.heartbeat.interval.ms=1000",
        "spring.kafka.producer.properties.transaction.timeout.ms=10000"})
class CrashMidStreamIT {

    private static final int SIGNALS = 480;

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
    void fillsEqualValidatedSignalsExactlyAfterAnInstanceIsKilledMidStream() throws Exception {
        PipelineTestSupport pipeline = new PipelineTestSupport(publisher, port);
        pipeline.ensurePaperTradingActive(jdbc);
        second = new SecondInstance(env, "crash-second", logs);
        second.start("second-1.log");
        second.awaitMembers(2, List.of("alpha-panda.risk-manager.signals", "alpha-panda.paper-trading.signals"));

        String prefix = "crash_" + Long.toString(System.nanoTime(), 36);
        CompletableFuture<Void> traffic = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < SIGNALS; i++) {
                StrategyId strategy = StrategyId.of(prefix + "_" + (i % 24));
                InstrumentToken token = InstrumentToken.of(60_000_000L + i);
                pipeline.signal(strategy, token, SignalType.BUY, 1, "100", null,
                        PipelineTestSupport.SESSION.plusMillis(i));
            }
        });
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(20)).until(() -> decided(prefix) >= 20);
        second.kill(); // SIGKILL mid-stream, while signals are still being published
        long decidedAtKill = decided(prefix);

        second.start("second-2.log");
        traffic.join();
        await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofSeconds(2)).until(() ->
                validatedOf(prefix).size() == SIGNALS && fillsOf(prefix).size() >= SIGNALS);
        Thread.sleep(5_000); // a duplicate, if any, would arrive now

        List<Envelope<EventPayload>> validated = validatedOf(prefix);
        List<Envelope<EventPayload>> fills = fillsOf(prefix);
        System.out.printf("crash mid-stream: %d risk decisions at the kill, %d validated, %d fills after%n",
                decidedAtKill, validated.size(), fills.size());
        assertThat(decidedAtKill).as("killed while processing").isLessThan(SIGNALS);
        assertThat(validated).hasSize(SIGNALS);
        assertThat(fills).hasSize(validated.size());
        Set<String> fillIds = new HashSet<>();
        Set<String> signalKeys = new HashSet<>();
        fills.forEach(f -> fillIds.add(((OrderFilled) f.payload()).fillId()));
        validated.forEach(v -> signalKeys.add(((ValidatedSignal) v.payload()).originalSignal().partitionKey()));
        assertThat(fillIds).hasSize(SIGNALS);
        assertThat(signalKeys).hasSize(SIGNALS);
        // the portfolio manager applies each of them once too
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1)).until(() -> jdbc.sql(
                "SELECT count(*) FROM fills WHERE strategy_id LIKE :p").param("p", prefix + "%")
                .query(Long.class).single() == SIGNALS);
        Thread.sleep(3_000);
        assertThat(jdbc.sql("SELECT count(*) FROM fills WHERE strategy_id LIKE :p").param("p", prefix + "%")
                .query(Long.class).single()).isEqualTo(SIGNALS);
    }

    private long decided(String prefix) {
        return jdbc.sql("SELECT count(*) FROM risk_decisions WHERE strategy_id LIKE :p").param("p", prefix + "%")
                .query(Long.class).single();
    }

    private List<Envelope<EventPayload>> validatedOf(String prefix) {
        return read(Topics.signalsValidated(com.alphapanda.core.event.Broker.PAPER).name(), prefix);
    }

    private List<Envelope<EventPayload>> fillsOf(String prefix) {
        return read(Topics.ordersFilled(com.alphapanda.core.event.Broker.PAPER).name(), prefix);
    }

    private List<Envelope<EventPayload>> read(String topic, String prefix) {
        return SecondInstance.read(env, topic, prefix);
    }
}
