package com.alphapanda.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphapanda.core.event.Broker;
import com.alphapanda.core.event.EventCodec;
import com.alphapanda.core.event.MarketTick;
import com.alphapanda.core.id.EventId;
import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.core.id.StrategyId;
import com.alphapanda.core.money.Price;
import com.alphapanda.core.streaming.Envelopes;
import com.alphapanda.core.topic.Topics;
import com.alphapanda.instrument.NseCalendar;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.time.Duration;
import com.alphapanda.core.streaming.BatchProcessor;
import com.alphapanda.core.streaming.EventPublisher;
import com.alphapanda.monitoring.PipelineActivity;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.support.Acknowledgment;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.ConsumerFactory;

/**
 * The runner's state restore against the embedded broker: ticks of two instruments (one sharing the partition with an
 * instrument of no strategy, one with a pre-open tick in between) are published to {@code market.ticks}; a fresh roster
 * rebuilt from the partition up to a position then decides every later tick exactly as a roster that folded every
 * tick itself, and a dropped partition starts from scratch.
 */
@SpringBootTest
class StrategyStateRestoreIT {

    private static final Instant OPEN = LocalDateTime.parse("2026-01-05T09:20:00").atZone(NseCalendar.IST).toInstant();
    private static final InstrumentToken TRADED = InstrumentToken.of(990_001);
    private static final InstrumentToken ALSO_TRADED = InstrumentToken.of(990_002);
    private static final InstrumentToken UNTRADED = InstrumentToken.of(990_003);

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Autowired
    ConsumerFactory<Object, Object> consumerFactory;

    @Autowired
    NseCalendar calendar;

    @Autowired
    EventPublisher publisher;

    @Autowired
    BatchProcessor batches;

    @Autowired
    PipelineActivity activity;

    private int partitions;

    @Test
    void aRosterRebuiltFromItsPartitionDecidesLaterTicksAsTheUninterruptedOneAndADroppedOneStartsAfresh()
            throws Exception {
        StrategyRoster uninterrupted = roster();
        StrategyRoster rebuilt = roster();
        List<Published> history = publishHistory(new Random(7));
        for (Published p : history.stream().filter(p -> !p.tick().instrumentToken().equals(UNTRADED)).toList()) {
            assertThat(p.metadata().partition()).as("the runner finds an instrument's partition as the producer does")
                    .isEqualTo(partitionOf(p.tick().instrumentToken()));
        }
        StrategyEvaluation live = new StrategyEvaluation(uninterrupted::interestedIn, calendar, silent());
        history.forEach(p -> live.onTick(p.id(), p.tick(), (instance, signal) -> { }));

        StrategyStateRestorer restorer = new StrategyStateRestorer(rebuilt, calendar,
                () -> StrategyConfiguration.stateReader(consumerFactory));
        for (InstrumentToken token : List.of(TRADED, ALSO_TRADED)) {
            TopicPartition partition = new TopicPartition(Topics.MARKET_TICKS.name(), partitionOf(token));
            restorer.restore(partition, lastOffset(history, partition.partition()) + 1);
        }

        List<MarketTick> later = laterTicks();
        List<String> expected = decisions(uninterrupted, later);
        assertThat(expected).as("the later ticks make the strategies signal").anyMatch(d -> !d.equals("-"));
        assertThat(decisions(rebuilt, later)).isEqualTo(expected);

        restorer.drop(new TopicPartition(Topics.MARKET_TICKS.name(), partitionOf(TRADED)));
        assertThat(decisions(rebuilt, later.subList(0, 2)).getFirst()).as("no window after a drop").isEqualTo("-");
    }

    /** 60 seconds of ticks of the traded instruments and an untraded one, with a pre-open tick of the next day. */
    private List<Published> publishHistory(Random random) throws Exception {
        List<Published> history = new ArrayList<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                bootstrapServers, "acks", "all"), new StringSerializer(), new ByteArraySerializer())) {
            partitions = producer.partitionsFor(Topics.MARKET_TICKS.name()).size();
            BigDecimal price = new BigDecimal("500.00");
            for (int i = 0; i < 60; i++) {
                price = price.add(new BigDecimal("0.05").multiply(BigDecimal.valueOf(random.nextInt(121) - 60)));
                for (InstrumentToken token : List.of(TRADED, ALSO_TRADED, UNTRADED)) {
                    history.add(publish(producer, token, price, OPEN.plusSeconds(i)));
                }
                if (i == 30) { // a pre-open tick of the next day: neither evaluated live nor folded in a rebuild
                    history.add(publish(producer, TRADED, new BigDecimal("1.00"), OPEN.plusSeconds(86_000)));
                }
            }
        }
        return history;
    }

    @Test
    void aBatchRedeliveredAfterARollbackIsNotFoldedTwice() throws Exception {
        List<Published> history = publishHistory(new Random(11));
        int partition = partitionOf(TRADED);
        TopicPartition tp = new TopicPartition(Topics.MARKET_TICKS.name(), partition);
        List<ConsumerRecord<String, byte[]>> records = history.stream()
                .filter(p -> p.metadata().partition() == partition).map(Published::record).toList();
        long first = records.getFirst().offset();

        StrategyRoster once = roster();
        StrategyRunnerListener uninterrupted = listener(once);
        uninterrupted.onPartitionsAssigned(Map.of(tp, first), null);
        uninterrupted.on(records, ACK);

        StrategyRoster twice = roster();
        StrategyRunnerListener redelivered = listener(twice);
        redelivered.onPartitionsAssigned(Map.of(tp, first), null);
        redelivered.on(records, ACK);
        // the batch's transaction rolled back after its ticks were folded: the container delivers it again
        redelivered.on(records.subList(records.size() - 6, records.size()), ACK);

        List<MarketTick> later = laterTicks();
        List<String> expected = decisions(once, later);
        assertThat(expected).as("the later ticks make the strategies signal").anyMatch(d -> !d.equals("-"));
        assertThat(decisions(twice, later)).isEqualTo(expected);
    }

    private StrategyRunnerListener listener(StrategyRoster roster) {
        return new StrategyRunnerListener(new StrategyRunner(roster, calendar, Set.of(), publisher,
                new StrategyRunnerMetrics(new SimpleMeterRegistry())), batches, activity, List.of(),
                new StrategyStateRestorer(roster, calendar, () -> StrategyConfiguration.stateReader(consumerFactory)));
    }

    private static final Acknowledgment ACK = new Acknowledgment() {
        @Override
        public void acknowledge() {
        }

        @Override
        public void nack(int index, Duration sleep) {
            throw new AssertionError("no tick of this test fails");
        }
    };

    private static List<MarketTick> laterTicks() {
        List<MarketTick> later = new ArrayList<>();
        for (int i = 60; i < 120; i++) {
            BigDecimal price = new BigDecimal("500.00").add(BigDecimal.valueOf((i * 37L) % 23 - 11));
            later.add(MarketTick.ltp(i % 2 == 0 ? TRADED : ALSO_TRADED, Price.of(price), OPEN.plusSeconds(i)));
        }
        return later;
    }

    private record Published(EventId id, MarketTick tick, RecordMetadata metadata, byte[] value) {

        ConsumerRecord<String, byte[]> record() {
            return new ConsumerRecord<>(metadata.topic(), metadata.partition(), metadata.offset(),
                    tick.instrumentToken().toString(), value);
        }
    }

    private static Published publish(KafkaProducer<String, byte[]> producer, InstrumentToken token, BigDecimal price,
                                     Instant at) throws Exception {
        MarketTick tick = MarketTick.ltp(token, Price.of(price), at);
        var envelope = Envelopes.root(Topics.MARKET_TICKS, tick, "restore-test");
        byte[] value = new EventCodec().encode(envelope);
        RecordMetadata metadata = producer.send(new ProducerRecord<>(Topics.MARKET_TICKS.name(), envelope.key(),
                value)).get();
        return new Published(envelope.id(), tick, metadata, value);
    }

    private static long lastOffset(List<Published> history, int partition) {
        return history.stream().filter(p -> p.metadata().partition() == partition)
                .mapToLong(p -> p.metadata().offset()).max().orElseThrow();
    }

    /** The partition the runner's restorer assigns the instrument to. */
    private int partitionOf(InstrumentToken token) {
        StrategyStateRestorer restorer = new StrategyStateRestorer(roster(), calendar, null);
        for (int p = 0; p < partitions; p++) {
            if (restorer.tokensOf(p, partitions).contains(token)) {
                return p;
            }
        }
        throw new AssertionError(token + " is on no partition");
    }

    private List<String> decisions(StrategyRoster roster, List<MarketTick> ticks) {
        StrategyEvaluation evaluation = new StrategyEvaluation(roster::interestedIn, calendar, silent());
        List<String> decisions = new ArrayList<>();
        for (MarketTick tick : ticks) {
            List<String> signals = new ArrayList<>();
            evaluation.onTick(EventId.next(), tick, (instance, signal) -> signals.add(
                    instance.definition().id() + " " + signal.signalType() + " " + signal.price()));
            decisions.add(signals.isEmpty() ? "-" : String.join(", ", signals));
        }
        return decisions;
    }

    private static StrategyRoster roster() {
        StrategyRoster roster = new StrategyRoster(new StrategyCatalog(name -> null));
        roster.apply(List.of(
                row("restore_momentum", "momentum", Map.of("lookback_periods", 12, "threshold", 0.004)),
                row("restore_mean_reversion", "mean_reversion", Map.of("lookback_periods", 10, "rsi_period", 4,
                        "oversold", 45, "overbought", 55, "bollinger_std", 1.0))));
        return roster;
    }

    private static StrategyStore.Row row(String id, String type, Map<String, Object> parameters) {
        return new StrategyStore.Row(id, new StrategyDefinition(StrategyId.of(id), type,
                List.of(TRADED, ALSO_TRADED), parameters, true, List.of(Broker.PAPER)), null);
    }

    private static StrategyEvaluation.Observer silent() {
        return new StrategyEvaluation.Observer() {
            @Override
            public void error(String strategyId) {
            }

            @Override
            public void invalid(String strategyId) {
            }
        };
    }
}
