package com.alphapanda.dashboard;

import com.alphapanda.core.event.Envelope;
import com.alphapanda.core.event.EventCodec;
import com.alphapanda.core.event.EventPayload;
import com.alphapanda.core.event.MarketTick;
import com.alphapanda.core.event.OrderFilled;
import com.alphapanda.core.event.Broker;
import com.alphapanda.core.topic.Topics;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The replayed day the dashboard tests' application trades (see {@link DashboardTestBase}): the platform's
 * {@code replay} market feed publishes {@value #FILE} at {@value #SPEED} × real time, and the momentum strategy
 * {@value #STRATEGY}, seeded from {@value #STRATEGIES}, trades it on paper:
 * ticks → strategy runner → risk manager → paper venue → portfolio manager, nothing published by the tests. Also reads
 * back from Kafka where a fill came from.
 */
final class ReplayedDay {

    static final String STRATEGY = "day_momentum";
    static final String FILE = "src/test/resources/dashboard/replayed-day.csv";
    static final String STRATEGIES = "src/test/resources/dashboard/strategies.yaml";
    /** 15 × real time: the day lasts 25 minutes, far longer than the dashboard tests, a tick every 2 s. */
    static final String SPEED = "15";
    /** A trade on most ticks: the day's ~560 trades stay under the strategy's daily cap. */
    static final String MAX_DAILY_TRADES = "1000";

    private static final EventCodec CODEC = new EventCodec();

    private ReplayedDay() {
    }

    /** Each tick line of the file as "instrument@instant=price" (price without trailing zeros). */
    static Set<String> fileTicks() throws IOException {
        Set<String> ticks = new HashSet<>();
        for (String line : Files.readAllLines(Path.of(FILE))) {
            String[] f = line.split(",");
            if (!line.startsWith("#") && !line.startsWith("timestamp") && f.length == 3) {
                ticks.add(tick(Long.parseLong(f[1]), OffsetDateTime.parse(f[0]).toInstant().toString(),
                        new BigDecimal(f[2])));
            }
        }
        return ticks;
    }

    /** The tick behind a paper fill of {@value #STRATEGY}: the fill's correlation id is the id of the tick it came from. */
    static Optional<Envelope<EventPayload>> tickBehind(String bootstrapServers, String fillId) {
        Optional<Envelope<EventPayload>> fill = first(bootstrapServers, Topics.ordersFilled(Broker.PAPER).name(),
                STRATEGY + ":", e -> e.payload() instanceof OrderFilled f && f.fillId().equals(fillId));
        return fill.flatMap(f -> first(bootstrapServers, Topics.MARKET_TICKS.name(),
                Long.toString(((OrderFilled) f.payload()).instrumentToken().value()),
                e -> e.id().asString().equals(f.correlationId())));
    }

    /** "instrument@instant=price" of a published tick, comparable with {@link #fileTicks()}. */
    static String describe(MarketTick tick) {
        return tick(tick.instrumentToken().value(), tick.timestamp().toString(), tick.lastPrice().value());
    }

    private static String tick(long instrument, String instant, BigDecimal price) {
        return instrument + "@" + instant + "=" + price.stripTrailingZeros().toPlainString();
    }

    /**
     * The first committed envelope of the topic whose key starts with the prefix (other tests put records that are no
     * envelope on the topics) and that matches the predicate, reading every partition up to its end.
     */
    private static Optional<Envelope<EventPayload>> first(String bootstrapServers, String topic, String keyPrefix,
                                                          Predicate<Envelope<EventPayload>> wanted) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.key() == null || !record.key().startsWith(keyPrefix)) {
                        continue;
                    }
                    Envelope<EventPayload> envelope = CODEC.decode(record.value());
                    if (wanted.test(envelope)) {
                        return Optional.of(envelope);
                    }
                }
            }
        }
        return Optional.empty();
    }
}
