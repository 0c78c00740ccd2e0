package com.alphapanda.execution.zerodha;

import com.alphapanda.core.event.Envelope;
import com.alphapanda.core.event.OrderEvent;
import com.alphapanda.core.event.RejectedSignal;
import com.alphapanda.core.event.RiskDecisionEvent;
import com.alphapanda.core.event.ValidatedSignal;
import com.alphapanda.core.streaming.CorrelationContext;
import com.alphapanda.core.streaming.EventPublisher;
import java.util.List;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * The zerodha trading engine's listener: validated signals of the zerodha broker. Its order events are published in
 * the listener's Kafka transaction.
 */
final class ZerodhaTradingListeners {

    private final ZerodhaTradingEngine engine;
    private final EventPublisher publisher;

    ZerodhaTradingListeners(ZerodhaTradingEngine engine, EventPublisher publisher) {
        this.engine = engine;
        this.publisher = publisher;
    }

    @KafkaListener(id = "zerodha-trading.signals",
            topics = "#{T(com.alphapanda.core.topic.Topics).signalsValidated(T(com.alphapanda.core.event.Broker).ZERODHA).name()}",
            groupId = "alpha-panda.zerodha-trading.signals")
    void onValidated(Envelope<RiskDecisionEvent> envelope) {
        try (CorrelationContext ignored = CorrelationContext.of(envelope)) {
            switch (envelope.payload()) {
                case ValidatedSignal validated -> publish(engine.onValidated(envelope, validated));
                case RejectedSignal rejected -> throw new IllegalArgumentException(
                        "a rejected signal on the validated-signals topic: " + envelope.id());
            }
        }
    }

    private void publish(List<Envelope<OrderEvent>> envelopes) {
        envelopes.forEach(e -> publisher.publish(ZerodhaTradingEngine.topicOf(e.payload()), e));
    }
}
