package com.alphapanda.execution.paper;

import com.alphapanda.core.event.Envelope;
import com.alphapanda.core.event.MarketEvent;
import com.alphapanda.core.event.MarketTick;
import com.alphapanda.core.event.OrderEvent;
import com.alphapanda.core.event.RejectedSignal;
import com.alphapanda.core.event.RiskDecisionEvent;
import com.alphapanda.core.event.ValidatedSignal;
import com.alphapanda.core.streaming.CorrelationContext;
import com.alphapanda.core.streaming.EventPublisher;
import java.util.List;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * The paper venue's listeners: validated signals of the paper broker (orders), and ticks (resting orders, stops,
 * brackets, expiry). Order events are published in the listener's Kafka transaction.
 */
final class PaperTradingListeners {

    private final PaperTradingEngine engine;
    private final EventPublisher publisher;

    PaperTradingListeners(PaperTradingEngine engine, EventPublisher publisher) {
        this.engine = engine;
        this.publisher = publisher;
    }

    @KafkaListener(id = "paper-trading.signals",
            topics = "#{T(com.alphapanda.core.topic.Topics).signalsValidated(T(com.alphapanda.core.event.Broker).PAPER).name()}",
            groupId = "alpha-panda.paper-trading.signals")
    void onValidated(Envelope<RiskDecisionEvent> envelope) {
        try (CorrelationContext ignored = CorrelationContext.of(envelope)) {
            switch (envelope.payload()) {
                case ValidatedSignal validated -> publish(engine.onValidated(envelope, validated));
                case RejectedSignal rejected -> throw new IllegalArgumentException(
                        "a rejected signal on the validated-signals topic: " + envelope.id());
            }
        }
    }

    @KafkaListener(id = "paper-trading.ticks", topics = "#{T(com.alphapanda.core.topic.Topics).MARKET_TICKS.name()}",
            groupId = "alpha-panda.paper-trading.ticks")
    void onTick(Envelope<MarketEvent> envelope) {
        switch (envelope.payload()) {
            case MarketTick tick -> publish(engine.onTick(envelope, tick));
        }
    }

    private void publish(List<Envelope<OrderEvent>> envelopes) {
        envelopes.forEach(e -> publisher.publish(PaperTradingEngine.topicOf(e.payload()), e));
    }
}
