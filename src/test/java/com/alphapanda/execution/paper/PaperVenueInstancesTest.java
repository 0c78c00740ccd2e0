package com.alphapanda.execution.paper;

import static com.alphapanda.execution.paper.PaperVenueFixture.INFY;
import static com.alphapanda.execution.paper.PaperVenueFixture.RELIANCE;
import static com.alphapanda.execution.paper.PaperVenueFixture.STRATEGY;
import static com.alphapanda.execution.paper.PaperVenueFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphapanda.core.event.Broker;
import com.alphapanda.core.event.Envelope;
import com.alphapanda.core.event.MarketTick;
import com.alphapanda.core.event.OrderEvent;
import com.alphapanda.core.event.OrderFailed;
import com.alphapanda.core.event.OrderFilled;
import com.alphapanda.core.event.OrderInstruction;
import com.alphapanda.core.event.OrderType;
import com.alphapanda.core.event.SignalType;
import com.alphapanda.core.event.TimeInForce;
import com.alphapanda.core.event.TradingSignal;
import com.alphapanda.core.event.ValidatedSignal;
import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.core.money.Price;
import com.alphapanda.core.money.Quantity;
import com.alphapanda.core.streaming.Envelopes;
import com.alphapanda.core.topic.Topics;
import com.alphapanda.execution.BrokerOrder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Several paper venue instances on one PostgreSQL: what the database makes happen once happens once. */
class PaperVenueInstancesTest {

    private static PaperTestDatabase db;
    private static final BigDecimal START = new BigDecimal("1000000");

    @BeforeAll
    static void start() {
        db = new PaperTestDatabase();
    }

    @AfterAll
    static void stop() throws Exception {
        db.close();
    }

    @BeforeEach
    void clear() {
        db.clear();
        PaperVenueInstance.COMMITTED.clear();
    }

    @Test
    void theSameValidatedSignalDeliveredToTwoInstancesMakesOneOrderAndOneFill() {
        PaperVenueInstance a = instance("a", 0);
        Envelope<ValidatedSignal> signal = signal(RELIANCE, SignalType.BUY, 10, OrderInstruction.MARKET_DAY);
        List<Envelope<OrderEvent>> first = a.signal(signal, 0, 7);
        assertThat(first).hasSize(2);

        // a rebalance moves partition 0 to b; the record comes again (a's Kafka transaction did not commit)
        a.engine.revoked(List.of(0));
        PaperVenueInstance b = instance("b", 0);
        assertThat(b.signal(signal, 0, 7)).as("the same record: the journaled events, unchanged").isEqualTo(first);
        assertThat(b.signal(signal, 0, 9)).as("a duplicate record: already published, nothing").isEmpty();

        assertThat(count("SELECT count(*) FROM paper_orders")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM paper_journal WHERE envelope LIKE '%order_filled%'")).isEqualTo(1);
        assertThat(cash()).isEqualByComparingTo(START.subtract(spent(first)));
        assertThat(b.engine.findBySignal(signal.id()).orElseThrow().status()).isEqualTo(BrokerOrder.Status.FILLED);
    }

    @Test
    void oneStrategysCashIsOneAccountWhicheverInstanceFillsItsOrders() {
        PaperVenueInstance a = instance("a", 0);
        PaperVenueInstance b = instance("b", 1);
        List<Envelope<OrderEvent>> onA = a.signal(signal(RELIANCE, SignalType.BUY, 10, OrderInstruction.MARKET_DAY), 0, 1);
        List<Envelope<OrderEvent>> onB = b.signal(signal(INFY, SignalType.BUY, 20, OrderInstruction.MARKET_DAY), 1, 1);

        BigDecimal expected = START.subtract(spent(onA)).subtract(spent(onB));
        assertThat(cash()).isEqualByComparingTo(expected);
        assertThat(b.engine.venue().cash(STRATEGY.value())).isEqualByComparingTo(expected);
        assertThat(count("SELECT count(*) FROM paper_holdings WHERE quantity > 0")).isEqualTo(2);
    }

    @Test
    void twoInstancesFillingOneStrategyAtTheSameTimeKeepOneCashThroughItsRowLock() throws Exception {
        PaperVenueInstance a = instance("a", 0);
        PaperVenueInstance b = instance("b", 1);
        List<Envelope<OrderEvent>> published = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var onA = pool.submit(() -> buy(a, RELIANCE, 0, published));
            var onB = pool.submit(() -> buy(b, INFY, 1, published));
            onA.get();
            onB.get();
        } finally {
            pool.shutdownNow();
        }

        assertThat(cash()).isEqualByComparingTo(START.subtract(spent(published)));
        assertThat(count("SELECT sum(quantity) FROM paper_holdings")).isEqualTo(40);
    }

    private static void buy(PaperVenueInstance instance, InstrumentToken token, int partition,
                            List<Envelope<OrderEvent>> published) {
        for (int i = 0; i < 20; i++) {
            published.addAll(instance.signal(signal(token, SignalType.BUY, 1, OrderInstruction.MARKET_DAY), partition, i));
        }
    }

    @Test
    void aRestartRestoresOpenRestingOrdersAndFillsThemOnTheNextTick() {
        PaperVenueInstance before = instance("a", 0);
        before.tick(tick("100", T0.minusSeconds(5)), 0);
        Envelope<ValidatedSignal> limit = signal(RELIANCE, SignalType.BUY, 10, limit("99"));
        assertThat(before.signal(limit, 0, 3)).hasSize(1); // submitted, resting

        PaperVenueInstance after = instance("restarted", 0);
        assertThat(after.engine.venue().openOrders()).singleElement()
                .satisfies(o -> assertThat(o.signalId()).isEqualTo(limit.id()));
        List<Envelope<OrderEvent>> fills = after.tick(tick("98.90", T0.plusSeconds(5)), 1);

        assertThat(fills).singleElement().satisfies(e -> assertThat(((OrderFilled) e.payload()).quantity().value())
                .isEqualTo(10));
        assertThat(after.engine.venue().openOrders()).isEmpty();
        assertThat(cash()).isEqualByComparingTo(START.subtract(spent(fills)));
    }

    @Test
    void aRestingOrderFillsOnceWhenTwoInstancesSeeTheTriggerTick() {
        PaperVenueInstance a = instance("a", 0);
        a.tick(tick("100", T0.minusSeconds(5)), 0);
        a.signal(signal(RELIANCE, SignalType.BUY, 10, limit("99")), 0, 3);
        PaperVenueInstance b = instance("b", 0); // took the partition over while a still runs
        Envelope<MarketTick> trigger = tick("98.90", T0.plusSeconds(5));

        List<Envelope<OrderEvent>> fills = a.tick(trigger, 1);
        assertThatThrownBy(() -> b.tick(trigger, 1)).isInstanceOf(PaperTradingEngine.PaperOrderConflict.class);
        assertThat(b.tick(trigger, 1)).as("retried after reading the venue again").isEmpty();

        assertThat(fills).hasSize(1);
        assertThat(count("SELECT count(*) FROM paper_journal WHERE envelope LIKE '%order_filled%'")).isEqualTo(1);
        assertThat(cash()).isEqualByComparingTo(START.subtract(spent(fills)));
        assertThat(count("SELECT quantity FROM paper_holdings")).isEqualTo(10);
    }

    @Test
    void aDayOrderExpiresOnceWithTwoRunners() {
        PaperVenueInstance a = instance("a", 0);
        a.tick(tick("100", T0.minusSeconds(5)), 0);
        a.signal(signal(RELIANCE, SignalType.BUY, 10, limit("99")), 0, 3);
        PaperVenueInstance b = instance("b", 0);
        Envelope<MarketTick> afterClose = tick("100", Instant.parse("2026-11-26T10:05:00Z"));

        List<Envelope<OrderEvent>> expired = b.tick(afterClose, 1);
        assertThatThrownBy(() -> a.tick(afterClose, 1)).isInstanceOf(PaperTradingEngine.PaperOrderConflict.class);
        assertThat(a.tick(afterClose, 1)).isEmpty();

        assertThat(expired).singleElement()
                .satisfies(e -> assertThat(((OrderFailed) e.payload()).reasonCode()).isEqualTo("EXPIRED"));
        assertThat(count("SELECT count(*) FROM paper_journal WHERE envelope LIKE '%EXPIRED%'")).isEqualTo(1);
        assertThat(db.jdbc.sql("SELECT status FROM paper_orders").query(String.class).single()).isEqualTo("EXPIRED");
    }

    @Test
    void aTickWhoseEventsWereNotPublishedIsPublishedAgainByItsGroupAfterARestartAndNeverMatchedTwice() {
        PaperVenueInstance before = new PaperVenueInstance(db.dataSource, "a", "ticks.node-1",
                PaperVenueInstance.NO_CATCH_UP);
        before.engine.assigned(List.of(0));
        before.tick(tick("100", T0.minusSeconds(5)), 0);
        before.signal(signal(RELIANCE, SignalType.BUY, 10, limit("99")), 0, 3);
        Envelope<MarketTick> trigger = tick("98.90", T0.plusSeconds(5));
        List<Envelope<OrderEvent>> fills = before.tick(trigger, 1);

        // killed before the Kafka transaction committed: the restarted instance (same group) gets the tick again
        PaperVenueInstance restarted = new PaperVenueInstance(db.dataSource, "a2", "ticks.node-1",
                PaperVenueInstance.NO_CATCH_UP);
        restarted.engine.assigned(List.of(0));
        assertThat(restarted.tick(trigger, 1)).as("the same events, unchanged").isEqualTo(fills);
        assertThat(restarted.tick(tick("98.50", T0.plusSeconds(6)), 2)).isEmpty();

        assertThat(count("SELECT count(*) FROM paper_journal WHERE envelope LIKE '%order_filled%'")).isEqualTo(1);
        assertThat(cash()).isEqualByComparingTo(START.subtract(spent(fills)));
    }

    @Test
    void aFillOfAnInstanceThatDiedBeforeItsKafkaCommitIsPublishedByTheOrdersNextOwner() {
        PaperVenueInstance dying = instance("a", 0);
        dying.tick(tick("100", T0.minusSeconds(5)), 0);
        dying.signal(signal(RELIANCE, SignalType.BUY, 10, limit("99")), 0, 3);
        List<Envelope<OrderEvent>> fills = dying.tickDyingBeforeKafkaCommit(tick("98.90", T0.plusSeconds(5)), 0, 1);

        PaperVenueInstance next = instance("b", 0);
        assertThat(next.tick(tick("99.50", T0.plusSeconds(6)), 2)).as("the dead instance's fill, same ids")
                .isEqualTo(fills);
        assertThat(next.tick(tick("99.60", T0.plusSeconds(7)), 3)).isEmpty();
        assertThat(instance("c", 0).tick(tick("99.70", T0.plusSeconds(8)), 4))
                .as("another owner re-publishes it again: the dead group never commits").isEqualTo(fills);
        assertThat(count("SELECT count(*) FROM paper_journal WHERE envelope LIKE '%order_filled%'")).isEqualTo(1);
    }

    @Test
    void aWorkingOrdersTickOffsetIsWrittenOnceItIsFarAheadOfItsRowSoACatchUpStaysShort() {
        PaperVenueInstance a = instance("a", 0);
        a.tick(tick("100", T0.minusSeconds(5)), 0);
        a.signal(signal(RELIANCE, SignalType.BUY, 10, limit("99")), 0, 3);
        a.tick(tick("100.50", T0.plusSeconds(5)), 9_000);
        assertThat(count("SELECT tick_offset FROM paper_orders")).as("not yet").isZero();

        a.tick(tick("100.50", T0.plusSeconds(6)), 10_000);

        assertThat(count("SELECT tick_offset FROM paper_orders")).isEqualTo(10_000);
        assertThat(count("SELECT version FROM paper_orders")).as("not a change of the order").isZero();
    }

    private static PaperVenueInstance instance(String name, int partition) {
        PaperVenueInstance instance = new PaperVenueInstance(db.dataSource, name);
        instance.engine.assigned(List.of(partition));
        return instance;
    }

    private static Envelope<ValidatedSignal> signal(InstrumentToken token, SignalType side, long quantity,
                                                    OrderInstruction instruction) {
        TradingSignal signal = new TradingSignal(STRATEGY, token, side, Quantity.of(quantity), Price.of("100"), T0,
                null, instruction, null);
        return Envelopes.root(Topics.signalsValidated(Broker.PAPER),
                new ValidatedSignal(signal, Quantity.of(quantity), Price.of("100"), Map.of(), T0), "test");
    }

    private static Envelope<MarketTick> tick(String price, Instant at) {
        return Envelopes.root(Topics.MARKET_TICKS, MarketTick.ltp(RELIANCE, Price.of(price), at), "test");
    }

    private static OrderInstruction limit(String price) {
        return new OrderInstruction(OrderType.LIMIT, TimeInForce.DAY, Price.of(price), null, null);
    }

    private static BigDecimal spent(List<Envelope<OrderEvent>> events) {
        return events.stream().map(Envelope::payload).filter(OrderFilled.class::isInstance).map(OrderFilled.class::cast)
                .map(f -> f.fillPrice().value().multiply(BigDecimal.valueOf(f.quantity().value())).add(f.fees().value()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal cash() {
        return db.jdbc.sql("SELECT cash FROM paper_accounts WHERE strategy_id = :s").param("s", STRATEGY.value())
                .query(BigDecimal.class).single();
    }

    private static long count(String sql) {
        return db.jdbc.sql(sql).query(Long.class).single();
    }
}
