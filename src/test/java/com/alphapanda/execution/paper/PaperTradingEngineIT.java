package com.alphapanda.execution.paper;

import static com.alphapanda.PipelineTestSupport.SESSION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.alphapanda.PipelineTestSupport;
import com.alphapanda.core.event.Broker;
import com.alphapanda.core.event.Envelope;
import com.alphapanda.core.event.SignalType;
import com.alphapanda.core.event.TradingSignal;
import com.alphapanda.core.event.ValidatedSignal;
import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.core.id.StrategyId;
import com.alphapanda.core.money.Price;
import com.alphapanda.core.money.Quantity;
import com.alphapanda.core.streaming.EventPublisher;
import com.alphapanda.core.streaming.Envelopes;
import com.alphapanda.core.topic.Topics;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The paper venue behind Kafka: a validated signal delivered twice trades once. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "alpha-panda.brokers=paper,zerodha")
class PaperTradingEngineIT {

    @Autowired
    EventPublisher publisher;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PaperTradingEngine engine;
    @LocalServerPort
    int port;

    @Test
    void aValidatedSignalDeliveredTwiceTradesOnceAndItsEventsAreRepublishedUnchanged() {
        StrategyId strategy = PipelineTestSupport.freshStrategy("dup");
        InstrumentToken instrument = PipelineTestSupport.freshInstrument();
        TradingSignal signal = new TradingSignal(strategy, instrument, SignalType.BUY, Quantity.of(7),
                Price.of("250"), SESSION, null, null, null);
        Envelope<ValidatedSignal> validated = Envelopes.root(Topics.signalsValidated(Broker.PAPER),
                new ValidatedSignal(signal, Quantity.of(7), Price.of("250"), Map.of(), SESSION), "test");

        publisher.publish(Topics.signalsValidated(Broker.PAPER), validated).join();
        publisher.publish(Topics.signalsValidated(Broker.PAPER), validated).join();
        // same key, so the same partition: once this one is traded, the duplicate before it was handled
        Envelope<ValidatedSignal> sentinel = Envelopes.root(Topics.signalsValidated(Broker.PAPER),
                new ValidatedSignal(signal, Quantity.of(1), Price.of("250"), Map.of(), SESSION), "test");
        publisher.publish(Topics.signalsValidated(Broker.PAPER), sentinel).join();

        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT count(*) FROM paper_journal WHERE input_event_id = :id").param("id", sentinel.id().value())
                .query(Long.class).single() == 2);
        assertThat(jdbc.sql("SELECT count(*) FROM paper_journal WHERE input_event_id = :id")
                .param("id", validated.id().value()).query(Long.class).single()).isEqualTo(2);
        assertThat(engine.venue().held(strategy.value(), instrument)).isEqualTo(8);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("SELECT count(*) FROM fills WHERE strategy_id = :s")
                .param("s", strategy.value()).query(Long.class).single() == 2);
        assertThat(jdbc.sql("SELECT count(*) FROM orders WHERE strategy_id = :s").param("s", strategy.value())
                .query(Long.class).single()).isEqualTo(2);
    }
}
