package com.alphapanda.execution.zerodha;

import com.alphapanda.core.event.Broker;
import com.alphapanda.core.event.Envelope;
import com.alphapanda.core.event.OrderEvent;
import com.alphapanda.core.event.RejectedSignal;
import com.alphapanda.core.event.RiskDecisionEvent;
import com.alphapanda.core.event.ValidatedSignal;
import com.alphapanda.core.streaming.BatchProcessor;
import com.alphapanda.core.streaming.BatchStage;
import com.alphapanda.core.streaming.EventPublisher;
import com.alphapanda.monitoring.PipelineActivity;
import com.alphapanda.monitoring.PipelineStage;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;

/**
 * The zerodha trading engine's listener: validated signals of the zerodha broker, one Kafka transaction per poll (its
 * order events are published in it). The engine keeps its own database work out of the batch's database transaction
 * on purpose: an order is recorded as pending and committed before Kite is called, so the batch stage does not
 * write to the database.
 */
final class ZerodhaTradingListeners {

    private final BatchProcessor batches;
    private final BatchStage<RiskDecisionEvent> stage;

    ZerodhaTradingListeners(ZerodhaTradingEngine engine, EventPublisher publisher, BatchProcessor batches,
                            PipelineActivity activity) {
        this.batches = batches;
        this.stage = BatchStage.of(RiskDecisionEvent.class, (envelope, record) -> {
            switch (envelope.payload()) {
                case ValidatedSignal validated -> {
                    publish(publisher, engine.onValidated(envelope, validated));
                    activity.record(PipelineStage.TRADING_ENGINE, Broker.ZERODHA, validated.timestamp());
                }
                case RejectedSignal rejected -> throw new IllegalArgumentException(
                        "a rejected signal on the validated-signals topic: " + envelope.id());
            }
        });
    }

    @KafkaListener(id = "zerodha-trading.signals",
            topics = "#{T(com.alphapanda.core.topic.Topics).signalsValidated(T(com.alphapanda.core.event.Broker).ZERODHA).name()}",
            groupId = "alpha-panda.zerodha-trading.signals")
    void onValidated(List<ConsumerRecord<String, byte[]>> records, Acknowledgment ack) {
        batches.process(records, ack, stage);
    }

    private static void publish(EventPublisher publisher, List<Envelope<OrderEvent>> envelopes) {
        envelopes.forEach(e -> publisher.publish(ZerodhaTradingEngine.topicOf(e.payload()), e));
    }
}
