package com.alphapanda.execution.paper;

import static com.alphapanda.PipelineTestSupport.SESSION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.alphapanda.PipelineTestSupport;
import com.alphapanda.core.event.Broker;
import com.alphapanda.core.event.CancelOrder;
import com.alphapanda.core.event.Envelope;
import com.alphapanda.core.event.OrderEvent;
import com.alphapanda.core.event.OrderFailed;
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

/** An operator's cancel at the paper venue: journaled, so a redelivered command cancels once. */
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
    void aCancelDeliveredTwiceCancelsOnceAndACancelOfAnEndedOrderDoesNothing() {
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
        List<Envelope<OrderEvent>> first = engine.onCancel(cancel, cancel.payload());
        List<Envelope<OrderEvent>> again = engine.onCancel(cancel, cancel.payload());

        assertThat(first).hasSize(1);
        assertThat(again).isEqualTo(first);
        OrderFailed failed = (OrderFailed) first.getFirst().payload();
        assertThat(failed.reasonCode()).isEqualTo("CANCELLED");
        assertThat(failed.errorMessage()).isEqualTo("Cancelled by alice: test");
        assertThat(failed.quantity().value()).isEqualTo(5);
        assertThat(engine.venue().findBySignal(validated.id()).orElseThrow().status())
                .isEqualTo(BrokerOrder.Status.CANCELLED);
        Envelope<CancelOrder> late = Envelopes.root(Topics.orderCommands(Broker.PAPER), new CancelOrder(
                resting.orderId(), strategy, instrument, "bob", "late", SESSION.plusSeconds(4)), "test");
        assertThat(engine.onCancel(late, late.payload())).isEmpty();
        Envelope<CancelOrder> otherStrategy = Envelopes.root(Topics.orderCommands(Broker.PAPER), new CancelOrder(
                resting.orderId(), StrategyId.of("someone_else"), instrument, "bob", "x", SESSION), "test");
        assertThat(engine.onCancel(otherStrategy, otherStrategy.payload())).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM paper_journal WHERE input_event_id = :id")
                .param("id", cancel.id().value()).query(Long.class).single()).isEqualTo(1);
    }
}
