package com.alphapanda.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.alphapanda.core.event.Broker;
import com.alphapanda.core.event.Envelope;
import com.alphapanda.core.event.EventCodec;
import com.alphapanda.core.event.EventPayload;
import com.alphapanda.core.event.MarketEvent;
import com.alphapanda.core.event.MarketTick;
import com.alphapanda.core.event.SignalType;
import com.alphapanda.core.event.TradingSignal;
import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.core.money.Price;
import com.alphapanda.core.streaming.Envelopes;
import com.alphapanda.core.streaming.EventPublisher;
import com.alphapanda.core.topic.Topics;
import com.alphapanda.monitoring.PipelineMonitor;
import com.alphapanda.monitoring.PipelineReport;
import com.alphapanda.monitoring.PipelineStage;
import com.alphapanda.monitoring.StageReport;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Replay file in → market.ticks → strategy runner → {broker}.signals.raw, on the embedded servers. The file is a past
 * Monday with a Saturday tick, a pre-open tick and an after-close tick around three in-session ones; the seed file
 * holds one valid strategy on both brokers and two invalid ones.
 */
@SpringBootTest(properties = {
        "alpha-panda.brokers=paper,zerodha",
        "alpha-panda.market-feed.source=replay",
        "alpha-panda.market-feed.replay.file=src/test/resources/pipeline/past-session.csv",
        "alpha-panda.market-feed.replay.speed=max",
        "alpha-panda.strategies.seed-file=src/test/resources/pipeline/strategies.yaml",
        "alpha-panda.strategies.reload-interval=300ms",
        // the test evaluates the pipeline itself, so that each increase is seen as a rate
        "alpha-panda.monitoring.pipeline.interval=1h"})
class StrategyPipelineIT {

    private static final EventCodec CODEC = new EventCodec();

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Autowired
    EventPublisher publisher;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    @Autowired
    PipelineMonitor pipeline;

    @Test
    void replayOfAPastSessionProducesSignalsOnEveryTargetBrokerChainedToTheirTicks() {
        List<Envelope<EventPayload>> paper = consume(Topics.signalsRaw(Broker.PAPER).name(), 2).stream()
                .filter(e -> e.key().startsWith("momentum_both:")).toList();
        List<Envelope<EventPayload>> zerodha = consume(Topics.signalsRaw(Broker.ZERODHA).name(), 2);
        List<Envelope<EventPayload>> ticks = consume(Topics.MARKET_TICKS.name(), 6);

        for (List<Envelope<EventPayload>> signals : List.of(paper, zerodha)) {
            assertThat(signals).hasSize(2);
            assertThat(signals).extracting(e -> ((TradingSignal) e.payload()).price().value().toPlainString())
                    .containsExactly("101", "102");
            for (Envelope<EventPayload> signal : signals) {
                TradingSignal s = (TradingSignal) signal.payload();
                Envelope<EventPayload> tick = ticks.stream()
                        .filter(t -> ((MarketTick) t.payload()).timestamp().equals(s.timestamp()))
                        .findFirst().orElseThrow();
                assertThat(signal.key()).isEqualTo("momentum_both:738561");
                assertThat(signal.correlationId()).isEqualTo(tick.correlationId());
                assertThat(signal.causationId()).isEqualTo(tick.id());
                assertThat(signal.source()).isEqualTo("strategy_runner");
                assertThat(s.signalType()).isEqualTo(SignalType.BUY);
                assertThat(s.reasoning()).contains("momentum");
            }
        }
        assertThat(((TradingSignal) paper.getFirst().payload()).confidence()).isEqualByComparingTo("0.05");
        assertThat(meters.get("strategy.ticks.skipped").tag("reason", "outside_session").counter().count())
                .isEqualTo(3.0);
        assertThat(meters.get("strategy.signals").tag("strategy", "momentum_both").tag("broker", "zerodha")
                .tag("side", "BUY").counter().count()).isEqualTo(2.0);
    }

    @Test
    void aStrategyLoadedIntoTheDatabaseRunsWithoutARestart(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("more.yaml");
        Files.writeString(file, """
                strategy_name: demo_nifty
                strategy_type: low_frequency_demo
                instrument_tokens: [256265]
                parameters: {min_interval_seconds: 900}
                """);
        StrategyLoad.Result result = new StrategyLoad(jdbc).load(file);
        assertThat(result.loaded()).containsExactly("demo_nifty");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> meters.get("strategy.active").gauge().value() == 2.0);

        Instant pastSession = Instant.parse("2025-12-02T05:00:00Z"); // 10:30 IST, Tuesday
        MarketTick tick = MarketTick.ltp(InstrumentToken.of(256265), Price.of(new BigDecimal("24100.5")), pastSession);
        Envelope<MarketTick> sent = Envelopes.root(Topics.MARKET_TICKS, tick, "test");
        publisher.publish(Topics.MARKET_TICKS, sent).join();

        Envelope<EventPayload> signal = consume(Topics.signalsRaw(Broker.PAPER).name(), 3).stream()
                .filter(e -> e.key().equals("demo_nifty:256265")).findFirst().orElseThrow();
        assertThat(signal.causationId()).isEqualTo(sent.id());
        assertThat(((TradingSignal) signal.payload()).signalType()).isEqualTo(SignalType.SELL);
    }

    @Test
    void theReplayedDayShowsEveryPaperStageActiveWithARateAndTheLastTickTime() {
        Map<PipelineStage, Double> maxRate = new EnumMap<>(PipelineStage.class);
        PipelineReport report = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    PipelineReport r = pipeline.evaluate();
                    paperStages(r).forEach(s -> maxRate.merge(s.stage(), s.ratePerSecond(), Math::max));
                    return r;
                }, r -> paperStages(r).stream().allMatch(s -> s.events() > 0));

        for (StageReport stage : paperStages(report)) {
            assertThat(stage.lastActivity()).as(stage.stage() + " last activity").isPresent();
            assertThat(stage.lastEventTime()).as(stage.stage() + " last event time").isPresent();
            assertThat(maxRate.get(stage.stage())).as(stage.stage() + " rate").isPositive();
        }
        StageReport runner = paperStages(report).stream()
                .filter(s -> s.stage() == PipelineStage.STRATEGY_RUNNER).findFirst().orElseThrow();
        assertThat(runner.lastEventTime()).as("the tick age is measured from the last replayed in-session tick")
                .contains(java.time.OffsetDateTime.parse("2025-12-01T15:45:00+05:30").toInstant());
    }

    private static List<StageReport> paperStages(PipelineReport report) {
        return report.brokers().stream().filter(b -> b.broker() == Broker.PAPER).findFirst().orElseThrow().stages();
    }

    private List<Envelope<EventPayload>> consume(String topic, int atLeast) {
        List<Envelope<EventPayload>> seen = new ArrayList<>();
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "pipeline-it-" + System.nanoTime());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    seen.add(CODEC.decode(r.value()));
                }
                return seen.size() >= atLeast;
            });
            consumer.poll(Duration.ofMillis(500)).forEach(r -> seen.add(CODEC.decode(r.value())));
        }
        seen.sort(java.util.Comparator.comparing(e -> e.occurredAt()));
        return seen;
    }
}
