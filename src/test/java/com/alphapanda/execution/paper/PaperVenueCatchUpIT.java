package com.alphapanda.execution.paper;

import static com.alphapanda.PipelineTestSupport.SESSION;
import static org.assertj.core.api.Assertions.assertThat;

import com.alphapanda.PipelineTestSupport;
import com.alphapanda.core.event.Broker;
import com.alphapanda.core.event.Envelope;
import com.alphapanda.core.event.MarketTick;
import com.alphapanda.core.event.OrderEvent;
import com.alphapanda.core.event.OrderFilled;
import com.alphapanda.core.event.OrderInstruction;
import com.alphapanda.core.event.OrderType;
import com.alphapanda.core.event.OrderSubmitted;
import com.alphapanda.core.event.SignalType;
import com.alphapanda.core.event.TickPosition;
import com.alphapanda.core.event.TimeInForce;
import com.alphapanda.core.event.TradingSignal;
import com.alphapanda.core.event.ValidatedSignal;
import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.core.id.StrategyId;
import com.alphapanda.core.money.Price;
import com.alphapanda.core.money.Quantity;
import com.alphapanda.core.streaming.EventPublisher;
import com.alphapanda.core.streaming.Envelopes;
import com.alphapanda.core.topic.Topics;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.ConsumerFactory;

/**
 * A paper venue instance taking an order over from one that died: the ticks its own consumer read before it owned the
 * order are read again from market.ticks (real Kafka) and matched, so a fill the dead owner never saw is not lost.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "alpha-panda.brokers=paper,zerodha")
class PaperVenueCatchUpIT {

    /** A partition number the running application's own venue never owns. */
    private static final int PARTITION = 99;

    @Autowired
    EventPublisher publisher;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ConsumerFactory<Object, Object> consumers;
    @Autowired
    Admin admin;

    @Test
    void aNewOwnerMatchesTheTicksItsConsumerReadBeforeItTookTheOrderOverAndPublishesWhatThatCausedOnce() {
        StrategyId strategy = PipelineTestSupport.freshStrategy("catchup");
        InstrumentToken instrument = PipelineTestSupport.freshInstrument();
        PaperVenueInstance dying = new PaperVenueInstance(dataSource, "catchup-a", "ticks.catchup-a",
                PaperVenueInstance.NO_CATCH_UP);
        PaperVenueInstance next = new PaperVenueInstance(dataSource, "catchup-b", "ticks.catchup-b",
                new KafkaTickHistory(consumers, Duration.ofSeconds(30)));
        dying.engine.assigned(List.of(PARTITION));

        Envelope<MarketTick> first = tick(instrument, "100", SESSION);
        RecordMetadata firstAt = send(first);
        dying.tick(first, firstAt.partition(), firstAt.offset());
        dying.signal(limitBuy(strategy, instrument), PARTITION, 0);
        Envelope<MarketTick> trigger = tick(instrument, "98.90", SESSION.plusSeconds(5));
        RecordMetadata at = send(trigger);
        assertThat(next.tick(trigger, at.partition(), at.offset())).as("not its order yet").isEmpty();

        next.engine.assigned(List.of(PARTITION)); // the first owner died before it read the trigger tick
        Envelope<MarketTick> later = tick(instrument, "101", SESSION.plusSeconds(9));
        RecordMetadata laterAt = send(later);
        List<Envelope<OrderEvent>> published = next.tickDyingBeforeKafkaCommit(later, laterAt.partition(),
                laterAt.offset());
        PaperVenueInstance restarted = new PaperVenueInstance(dataSource, "catchup-b2", "ticks.catchup-b",
                PaperVenueInstance.NO_CATCH_UP);
        restarted.engine.assigned(List.of(PARTITION));
        assertThat(restarted.tick(later, laterAt.partition(), laterAt.offset()))
                .as("the batch that caught up did not commit to Kafka: its record again, the same events")
                .isEqualTo(published);

        assertThat(published).singleElement().satisfies(e -> {
            OrderFilled fill = (OrderFilled) e.payload();
            assertThat(fill.quantity().value()).isEqualTo(10);
            assertThat(fill.fillPrice().value()).isEqualByComparingTo("98.95"); // the trigger tick, slipped
            assertThat(e.causationId()).isEqualTo(trigger.id());
        });
        OrderFilled fill = (OrderFilled) published.getFirst().payload();
        assertThat(jdbc.sql("SELECT cash FROM paper_accounts WHERE strategy_id = :s").param("s", strategy.value())
                .query(BigDecimal.class).single()).isEqualByComparingTo(new BigDecimal("1000000")
                .subtract(fill.fillPrice().value().multiply(BigDecimal.TEN)).subtract(fill.fees().value()));
    }

    @Test
    void aFillOfAnInstanceThatDiedBeforeItsKafkaCommitIsPublishedByTheNextOwner() {
        StrategyId strategy = PipelineTestSupport.freshStrategy("unconfirmed");
        InstrumentToken instrument = PipelineTestSupport.freshInstrument();
        PaperVenueInstance dying = new PaperVenueInstance(dataSource, "dying", "ticks.never-committed-" + strategy,
                PaperVenueInstance.NO_CATCH_UP);
        PaperVenueInstance next = new PaperVenueInstance(dataSource, "next", "ticks.next-" + strategy,
                new KafkaTickHistory(consumers, Duration.ofSeconds(30)), new TickGroupOffsets(admin,
                Duration.ofSeconds(10))::committed);
        dying.engine.assigned(List.of(PARTITION - 1));
        Envelope<MarketTick> first = tick(instrument, "100", SESSION);
        RecordMetadata firstAt = send(first);
        dying.tick(first, firstAt.partition(), firstAt.offset());
        dying.signal(limitBuy(strategy, instrument), PARTITION - 1, 0);
        Envelope<MarketTick> trigger = tick(instrument, "98.90", SESSION.plusSeconds(5));
        RecordMetadata at = send(trigger);
        List<Envelope<OrderEvent>> fills = dying.tickDyingBeforeKafkaCommit(trigger, at.partition(), at.offset());

        next.engine.assigned(List.of(PARTITION - 1));
        Envelope<MarketTick> later = tick(instrument, "101", SESSION.plusSeconds(9));
        RecordMetadata laterAt = send(later);

        assertThat(fills).hasSize(1);
        assertThat(next.tick(later, laterAt.partition(), laterAt.offset()))
                .as("its group never committed the trigger tick: the fill is published, same ids").isEqualTo(fills);
    }

    @Test
    void anOrderWhoseSignalIsReadAfterLaterTicksMeetsThemAsIfItHadArrivedBeforeThem() {
        // NO_CATCH_UP: the ticks in between are the venue's own recent reads, matched from memory (RecentTicks)
        PaperVenueInstance venue = new PaperVenueInstance(dataSource, "late", "ticks.late-" + System.nanoTime(),
                PaperVenueInstance.NO_CATCH_UP);
        venue.engine.assigned(List.of(PARTITION - 2));

        StrategyId inTime = PipelineTestSupport.freshStrategy("intime");
        InstrumentToken first = PipelineTestSupport.freshInstrument();
        RecordMetadata decidedAt = sendAndRead(venue, tick(first, "100", SESSION));
        List<Envelope<OrderEvent>> placed = venue.signal(limitBuy(inTime, first, position(decidedAt)), PARTITION - 2, 0);
        List<Envelope<OrderEvent>> expected = sendAndReadEvents(venue, tick(first, "98.90", SESSION.plusSeconds(5)));
        assertThat(placed).as("rests: the market is above the limit").singleElement()
                .satisfies(e -> assertThat(e.payload()).isInstanceOf(OrderSubmitted.class));

        StrategyId late = PipelineTestSupport.freshStrategy("late");
        InstrumentToken second = PipelineTestSupport.freshInstrument();
        RecordMetadata lateDecidedAt = sendAndRead(venue, tick(second, "100", SESSION));
        Envelope<MarketTick> lateCrossing = tick(second, "98.90", SESSION.plusSeconds(5));
        RecordMetadata lateCrossingAt = send(lateCrossing);
        assertThat(venue.tick(lateCrossing, lateCrossingAt.partition(), lateCrossingAt.offset())).isEmpty();
        sendAndRead(venue, tick(second, "101", SESSION.plusSeconds(9)));
        Envelope<ValidatedSignal> signal = limitBuy(late, second, position(lateDecidedAt));

        List<Envelope<OrderEvent>> published = venue.signal(signal, PARTITION - 2, 1);

        assertThat(expected).singleElement().satisfies(e -> assertThat(e.payload()).isInstanceOf(OrderFilled.class));
        OrderFilled inTimeFill = (OrderFilled) expected.getFirst().payload();
        assertThat(published).as("submitted, then filled by the crossing tick read before the signal").hasSize(2);
        assertThat(published.getLast().causationId()).isEqualTo(lateCrossing.id());
        OrderFilled lateFill = (OrderFilled) published.getLast().payload();
        assertThat(inTimeFill.fillPrice().value()).isEqualByComparingTo("98.95");
        assertThat(lateFill.fillPrice()).isEqualTo(inTimeFill.fillPrice());
        assertThat(lateFill.quantity()).isEqualTo(inTimeFill.quantity());
        assertThat(lateFill.timestamp()).isEqualTo(inTimeFill.timestamp());
        assertThat(lateFill.fees()).isEqualTo(inTimeFill.fees());

        assertThat(venue.signal(signal, PARTITION - 2, 1))
                .as("the same signal record again (its Kafka transaction aborted): the same events").isEqualTo(published);
        assertThat(sendAndReadEvents(venue, tick(second, "98", SESSION.plusSeconds(12))))
                .as("filled once: a later crossing tick finds nothing working").isEmpty();
    }

    private RecordMetadata sendAndRead(PaperVenueInstance venue, Envelope<MarketTick> tick) {
        RecordMetadata at = send(tick);
        assertThat(venue.tick(tick, at.partition(), at.offset())).isEmpty();
        return at;
    }

    private List<Envelope<OrderEvent>> sendAndReadEvents(PaperVenueInstance venue, Envelope<MarketTick> tick) {
        RecordMetadata at = send(tick);
        return venue.tick(tick, at.partition(), at.offset());
    }

    private static TickPosition position(RecordMetadata at) {
        return new TickPosition(at.partition(), at.offset());
    }

    private static Envelope<MarketTick> tick(InstrumentToken instrument, String price, Instant at) {
        return Envelopes.root(Topics.MARKET_TICKS, MarketTick.ltp(instrument, Price.of(price), at), "test");
    }

    private RecordMetadata send(Envelope<MarketTick> tick) {
        return publisher.publish(Topics.MARKET_TICKS, tick).join().getRecordMetadata();
    }

    private static Envelope<ValidatedSignal> limitBuy(StrategyId strategy, InstrumentToken instrument) {
        return limitBuy(strategy, instrument, null);
    }

    /** A limit BUY at 99 decided on the tick at {@code decidedOn} (null: not known). */
    private static Envelope<ValidatedSignal> limitBuy(StrategyId strategy, InstrumentToken instrument,
                                                      TickPosition decidedOn) {
        TradingSignal signal = new TradingSignal(strategy, instrument, SignalType.BUY, Quantity.of(10),
                Price.of("100"), SESSION.plusSeconds(1), null,
                new OrderInstruction(OrderType.LIMIT, TimeInForce.DAY, Price.of("99"), null, null), null)
                .withSourceTick(decidedOn);
        return Envelopes.root(Topics.signalsValidated(Broker.PAPER),
                new ValidatedSignal(signal, Quantity.of(10), Price.of("100"), Map.of(), SESSION.plusSeconds(1)), "test");
    }
}
