package com.alphapanda.marketfeed;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphapanda.core.event.EventCodec;
import com.alphapanda.core.event.MarketTick;
import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.core.money.Price;
import com.alphapanda.core.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;

/**
 * The replay's progress against the embedded broker: ticks and progress commit together; the same file resumes after
 * its last committed tick, another file starts from the beginning (and then the first one does too); a transaction a
 * killed run left open is aborted when the next run starts, so its ticks are never seen.
 */
@SpringBootTest
class ReplayLedgerIT {

    private static final String FILE_A = ReplayLedger.identity("file a".getBytes(StandardCharsets.UTF_8));
    private static final String FILE_B = ReplayLedger.identity("file b".getBytes(StandardCharsets.UTF_8));
    private static final String INSTANCE = "ledger-it-" + System.nanoTime();

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Autowired
    Admin admin;

    @Autowired
    KafkaProperties kafka;

    @Test
    void theSameFileResumesAfterItsLastCommittedTickAndAnotherFileStartsFromTheBeginning() throws Exception {
        try (ReplayLedger first = ledger(FILE_A)) {
            assertThat(first.resumeAt()).isZero();
            first.publish(pending(0, 10));
            first.publish(pending(10, 15));
        }
        try (ReplayLedger again = ledger(FILE_A)) {
            assertThat(again.resumeAt()).isEqualTo(15);
        }
        try (ReplayLedger other = ledger(FILE_B)) {
            assertThat(other.resumeAt()).isZero();
            other.publish(pending(0, 3));
        }
        try (ReplayLedger back = ledger(FILE_A)) {
            assertThat(back.resumeAt()).as("the last file replayed was another one").isZero();
        }
        Set<String> ids = new HashSet<>(committedTickIds());
        for (int i = 0; i < 15; i++) {
            assertThat(ids).contains(ReplayLedger.tickId(FILE_A, i, at(i).toEpochMilli()).asString());
        }
    }

    @Test
    void aTransactionAKilledRunLeftOpenIsAbortedByTheNextRunAndItsTicksAreNeverSeen() throws Exception {
        String file = ReplayLedger.identity("killed".getBytes(StandardCharsets.UTF_8));
        try (ReplayLedger first = ledger(file)) {
            first.resumeAt();
            first.publish(pending(0, 5));
        }
        var orphan = ReplayLedger.envelope(file, pending(5, 6).getFirst().tick(), 5);
        KafkaProducer<String, byte[]> killed = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, INSTANCE + "-feed-0"),
                new StringSerializer(), new ByteArraySerializer());
        killed.initTransactions();
        killed.beginTransaction();
        killed.send(new ProducerRecord<>(Topics.MARKET_TICKS.name(), orphan.key(), new EventCodec().encode(orphan)))
                .get();
        // no commit, no abort, no close: the process is gone

        try (ReplayLedger restarted = ledger(file)) {
            assertThat(restarted.resumeAt()).isEqualTo(5);
            restarted.publish(pending(5, 7));
        }
        List<String> ids = committedTickIds();
        String tick5 = ReplayLedger.tickId(file, 5, at(5).toEpochMilli()).asString();
        assertThat(ids.stream().filter(tick5::equals)).as("tick 5 published once, by the restarted run").hasSize(1);
        killed.close(Duration.ZERO); // fenced: nothing of it can commit any more
    }

    private ReplayLedger ledger(String file) {
        DefaultKafkaProducerFactory<Object, Object> factory =
                new DefaultKafkaProducerFactory<>(kafka.buildProducerProperties());
        factory.setTransactionIdPrefix(INSTANCE + "-feed-");
        return new ReplayLedger(factory, admin, file);
    }

    private static Instant at(int i) {
        return Instant.parse("2026-01-05T04:00:00Z").plusSeconds(i);
    }

    private static List<TickHandOff.Pending> pending(int from, int to) {
        List<TickHandOff.Pending> batch = new ArrayList<>();
        for (int i = from; i < to; i++) {
            batch.add(new TickHandOff.Pending(MarketTick.ltp(InstrumentToken.of(980_000 + i % 4),
                    Price.of("100.05"), at(i)), i));
        }
        return batch;
    }

    /** The ids of every committed tick, as often as each was published. */
    private List<String> committedTickIds() {
        List<String> all = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "ledger-it-reader-" + System.nanoTime(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.MARKET_TICKS.name()));
            int empty = 0;
            while (empty < 4) {
                var records = consumer.poll(Duration.ofMillis(500));
                if (records.isEmpty() && !consumer.assignment().isEmpty()) {
                    empty++;
                }
                records.forEach(r -> all.add(new EventCodec().decode(r.value()).id().asString()));
            }
        }
        return all;
    }
}
