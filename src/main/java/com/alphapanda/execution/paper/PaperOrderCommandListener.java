package com.alphapanda.execution.paper;

import com.alphapanda.core.event.CancelOrder;
import com.alphapanda.core.event.Envelope;
import com.alphapanda.core.event.OrderCommand;
import com.alphapanda.core.streaming.CorrelationContext;
import com.alphapanda.core.streaming.EventPublisher;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * The paper venue's listener of operator commands ({@code paper.orders.commands}): a cancel ends a working order with
 * an {@code OrderFailed} {@code CANCELLED}, published in the listener's Kafka transaction and journaled like every
 * other input of the venue, so a redelivered command re-publishes the same event instead of cancelling twice.
 */
final class PaperOrderCommandListener {

    private final PaperTradingEngine engine;
    private final EventPublisher publisher;

    PaperOrderCommandListener(PaperTradingEngine engine, EventPublisher publisher) {
        this.engine = engine;
        this.publisher = publisher;
    }

    @KafkaListener(id = "paper-trading.commands",
            topics = "#{T(com.alphapanda.core.topic.Topics).orderCommands(T(com.alphapanda.core.event.Broker).PAPER).name()}",
            groupId = "alpha-panda.paper-trading.commands")
    void onCommand(Envelope<OrderCommand> envelope) {
        try (CorrelationContext ignored = CorrelationContext.of(envelope)) {
            switch (envelope.payload()) {
                case CancelOrder cancel -> engine.onCancel(envelope, cancel)
                        .forEach(e -> publisher.publish(PaperTradingEngine.topicOf(e.payload()), e));
            }
        }
    }
}
