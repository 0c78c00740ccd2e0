package com.alphapanda.execution.paper;

import static com.alphapanda.PipelineTestSupport.SESSION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.alphapanda.PipelineTestSupport;
import com.alphapanda.core.event.Broker;
import com.alphapanda.core.event.CancelOrder;
import com.alphapanda.core.event.Envelope;
import com.alphapanda.core.event.OrderInstruction;
import com.alphapanda.core.event.OrderType;
import com.alphapanda.core.event.SignalType;
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
import com.alphapanda.execution.BrokerOrder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An operator's cancel at the paper venue: claimed by its event id, so a duplicated command cancels once. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "alpha-panda.brokers=paper,zerodha")
class PaperCancelIT {

    @Autowired
    EventPublisher publisher;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PaperTradingEngine engine;

    @Test
    void aCancelPublishedTwiceCancelsOnceAndACancelOfAnEndedOrderDoesNothing() {
        StrategyId strategy = PipelineTestSupport.freshStrategy("pcancel");
        InstrumentToken instrument = PipelineTestSupport.freshInstrument();
        TradingSignal signal = new TradingSignal(strategy, instrument, SignalType.BUY, Quantity.of(5),
                Price.of("250"), SESSION, null,
                new OrderInstruction(OrderType.LIMIT, TimeInForce.DAY, Price.of("200"), null, null), null);
        Envelope<ValidatedSignal> validated = Envelopes.root(Topics.signalsValidated(Broker.PAPER),
                new ValidatedSignal(signal, Quantity.of(5), Price.of("250"), Map.of(), SESSION), "test");
        publisher.publish(Topics.signalsValidated(Broker.PAPER), validated).join();
        BrokerOrder resting = await().atMost(Duration.ofSeconds(30))
                .until(() -> engine.venue().findBySignal(validated.id()).orElse(null), o -> o != null);
        assertThat(resting.status()).isEqualTo(BrokerOrder.Status.OPEN);

        Envelope<CancelOrder> cancel = Envelopes.root(Topics.orderCommands(Broker.PAPER), new CancelOrder(
                resting.orderId(), strategy, instrument, "alice", "test", SESSION.plusSeconds(3)), "test");
        Envelope<CancelOrder> late = Envelopes.root(Topics.orderCommands(Broker.PAPER), new CancelOrder(
                resting.orderId(), strategy, instrument, "bob", "late", SESSION.plusSeconds(4)), "test");
        Envelope<CancelOrder> otherStrategy = Envelopes.root(Topics.orderCommands(Broker.PAPER), new CancelOrder(
                resting.orderId(), StrategyId.of("someone_else"), instrument, "bob", "x", SESSION), "test");
        for (Envelope<CancelOrder> command : List.of(cancel, cancel, late, otherStrategy)) {
            publisher.publish(Topics.orderCommands(Broker.PAPER), command).join();
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                        "SELECT count(*) FROM paper_inputs WHERE input_event_id IN (:ids)")
                .param("ids", List.of(late.id().value(), otherStrategy.id().value())).query(Long.class).single() == 2);
        List<String> events = jdbc.sql("SELECT envelope FROM paper_journal WHERE input_event_id = :id")
                .param("id", cancel.id().value()).query(String.class).list();
        assertThat(events).singleElement().satisfies(e -> assertThat(e).contains("\"CANCELLED\"")
                .contains("Cancelled by alice: test"));
        assertThat(jdbc.sql("SELECT count(*) FROM paper_journal WHERE input_event_id IN (:ids)")
                .param("ids", List.of(late.id().value(), otherStrategy.id().value())).query(Long.class).single())
                .as("a cancel of an ended order, or of another strategy's, does nothing").isZero();
        assertThat(engine.findBySignal(validated.id()).orElseThrow().status()).isEqualTo(BrokerOrder.Status.CANCELLED);
        assertThat(jdbc.sql("SELECT status FROM paper_orders WHERE order_id = :id").param("id", resting.orderId())
                .query(String.class).single()).isEqualTo("CANCELLED");
    }
}
