package com.alphapanda.execution.paper;

import com.alphapanda.core.event.Broker;
import com.alphapanda.core.event.Envelope;
import com.alphapanda.core.event.EventCodec;
import com.alphapanda.core.event.MarketTick;
import com.alphapanda.core.event.OrderEvent;
import com.alphapanda.core.event.ValidatedSignal;
import com.alphapanda.core.streaming.Envelopes;
import com.alphapanda.core.streaming.EventHeaders;
import com.alphapanda.core.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;

/**
 * One paper venue instance on a shared database, driven as the batch processor drives it: each input in its own
 * database transaction (lock, process, journal and accounts, commit; on failure roll back and forget the memory).
 * Without a Kafka cluster, the tick offsets its "Kafka transaction" committed after each tick are kept in
 * {@link #COMMITTED} (tick group → partition → next offset), which is what another instance asks about.
 */
final class PaperVenueInstance {

    private static final String SIGNALS = Topics.signalsValidated(Broker.PAPER).name();

    final PaperTradingEngine engine;
    private final JdbcTransactionManager transactions;

    /** For tests where nothing is read again from {@code market.ticks} (no catch-up, or one served from memory). */
    static final Map<String, Map<Integer, Long>> COMMITTED = new ConcurrentHashMap<>();

    static final TickHistory NO_CATCH_UP = (partition, from, to, each) -> {
        throw new AssertionError("unexpected catch-up of market.ticks-" + partition + " " + from + ".." + to);
    };

    private final String tickGroup;

    PaperVenueInstance(DataSource dataSource, String name) {
        this(dataSource, name, "ticks." + name, NO_CATCH_UP);
    }

    /** An instance whose tick group is {@code tickGroup} (the same group after a restart). */
    PaperVenueInstance(DataSource dataSource, String name, String tickGroup, TickHistory history) {
        this(dataSource, name, tickGroup, history, group -> COMMITTED.getOrDefault(group, Map.of()));
    }

    /** An instance that asks {@code committed} what other tick groups committed. */
    PaperVenueInstance(DataSource dataSource, String name, String tickGroup, TickHistory history,
                       Function<String, Map<Integer, Long>> committed) {
        this.tickGroup = tickGroup;
        JdbcClient jdbc = JdbcClient.create(dataSource);
        AtomicLong ids = new AtomicLong();
        PaperSettings settings = PaperSettings.defaults();
        this.engine = new PaperTradingEngine(new PaperVenue(settings, PaperVenueFixture.CALENDAR,
                () -> name + "-" + ids.incrementAndGet()), new PaperStore(jdbc), new PaperJournal(jdbc), settings,
                tickGroup, history, committed);
        this.transactions = new JdbcTransactionManager(dataSource);
    }

    /** A validated signal consumed from partition {@code partition} at {@code offset}: what its batch published. */
    List<Envelope<OrderEvent>> signal(Envelope<ValidatedSignal> signal, int partition, long offset) {
        var record = new ConsumerRecord<>(SIGNALS, partition, offset, signal.key(), new EventCodec().encode(signal));
        record.headers().add(EventHeaders.EVENT_ID, signal.id().asString().getBytes(StandardCharsets.UTF_8));
        List<Envelope<OrderEvent>> published = new ArrayList<>();
        return pass(() -> published.addAll(engine.beginSignals(List.of(record))), () -> {
            published.addAll(engine.onValidated(signal, signal.payload(),
                    new PaperStore.Source(SIGNALS, partition, offset)));
            return published;
        });
    }

    /**
     * A batch of validated signals consumed from {@code partition} from {@code offset} on; the venue processes only
     * those {@code processed} accepts (the others are skipped, as records for another consumer group are).
     */
    List<Envelope<OrderEvent>> signals(List<Envelope<ValidatedSignal>> signals, int partition, long offset,
                                       Predicate<Envelope<ValidatedSignal>> processed) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        for (int i = 0; i < signals.size(); i++) {
            var record = new ConsumerRecord<>(SIGNALS, partition, offset + i, signals.get(i).key(),
                    new EventCodec().encode(signals.get(i)));
            record.headers().add(EventHeaders.EVENT_ID, signals.get(i).id().asString().getBytes(StandardCharsets.UTF_8));
            records.add(record);
        }
        List<Envelope<OrderEvent>> published = new ArrayList<>();
        return pass(() -> published.addAll(engine.beginSignals(records)), () -> {
            for (int i = 0; i < signals.size(); i++) {
                if (processed.test(signals.get(i))) {
                    published.addAll(engine.onValidated(signals.get(i), signals.get(i).payload(),
                            new PaperStore.Source(SIGNALS, partition, offset + i)));
                }
            }
            return published;
        });
    }

    /** A tick consumed from tick partition 0 at {@code offset}: what its batch published (catch-up first). */
    List<Envelope<OrderEvent>> tick(Envelope<MarketTick> tick, long offset) {
        return tick(tick, 0, offset);
    }

    /** A tick consumed from a tick partition at {@code offset}: what its batch published (catch-up first). */
    List<Envelope<OrderEvent>> tick(Envelope<MarketTick> tick, int partition, long offset) {
        List<Envelope<OrderEvent>> published = tickDyingBeforeKafkaCommit(tick, partition, offset);
        COMMITTED.computeIfAbsent(tickGroup, g -> new ConcurrentHashMap<>()).merge(partition, offset + 1, Math::max);
        return published;
    }

    /** A tick whose batch commits to the database, after which the instance dies before its Kafka commit. */
    List<Envelope<OrderEvent>> tickDyingBeforeKafkaCommit(Envelope<MarketTick> tick, int partition, long offset) {
        var source = new PaperStore.Source(Topics.MARKET_TICKS.name(), partition, offset);
        var record = new ConsumerRecord<>(source.topic(), partition, offset, tick.key(), new EventCodec().encode(tick));
        List<Envelope<OrderEvent>> published = new ArrayList<>();
        return pass(() -> published.addAll(engine.beginTicks(List.of(record))), () -> {
            published.addAll(engine.onTick(tick, tick.payload(), source));
            return published;
        });
    }

    private List<Envelope<OrderEvent>> pass(Runnable begin, Supplier<List<Envelope<OrderEvent>>> work) {
        TransactionStatus tx = transactions.getTransaction(new DefaultTransactionDefinition());
        try {
            begin.run();
            List<Envelope<OrderEvent>> out = work.get();
            engine.beforeCommit();
            transactions.commit(tx);
            engine.afterCommit();
            return out;
        } catch (RuntimeException e) {
            if (!tx.isCompleted()) {
                transactions.rollback(tx);
            }
            engine.invalidate();
            throw e;
        }
    }
}
