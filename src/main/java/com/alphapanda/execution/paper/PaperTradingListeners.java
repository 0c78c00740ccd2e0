package com.alphapanda.execution.paper;

import com.alphapanda.core.event.Broker;
import com.alphapanda.core.event.Envelope;
import com.alphapanda.core.event.MarketEvent;
import com.alphapanda.core.event.MarketTick;
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
 * The paper venue's listeners: validated signals of the paper broker (orders), and ticks (resting orders, stops,
 * brackets, expiry). Each poll is one Kafka transaction and one database transaction (the journal); the two
 * containers share the in-memory venue, so each holds it for its whole batch.
 */
final class PaperTradingListeners {

    private final BatchProcessor batches;
    private final BatchStage<RiskDecisionEvent> signals;
    private final BatchStage<MarketEvent> ticks;

    PaperTradingListeners(PaperTradingEngine engine, EventPublisher publisher, BatchProcessor batches,
                          PipelineActivity activity) {
        this.batches = batches;
        this.signals = new VenueStage<>(engine, RiskDecisionEvent.class, (envelope, record) -> {
            switch (envelope.payload()) {
                case ValidatedSignal validated -> {
                    publish(publisher, engine.onValidated(envelope, validated));
                    activity.record(PipelineStage.TRADING_ENGINE, Broker.PAPER, validated.timestamp());
                }
                case RejectedSignal rejected -> throw new IllegalArgumentException(
                        "a rejected signal on the validated-signals topic: " + envelope.id());
            }
        });
        this.ticks = new VenueStage<>(engine, MarketEvent.class, (envelope, record) -> {
            switch (envelope.payload()) {
                case MarketTick tick -> publish(publisher, engine.onTick(envelope, tick));
            }
        });
    }

    @KafkaListener(id = "paper-trading.signals",
            topics = "#{T(com.alphapanda.core.topic.Topics).signalsValidated(T(com.alphapanda.core.event.Broker).PAPER).name()}",
            groupId = "alpha-panda.paper-trading.signals")
    void onValidated(List<ConsumerRecord<String, byte[]>> records, Acknowledgment ack) {
        batches.process(records, ack, signals);
    }

    @KafkaListener(id = "paper-trading.ticks", topics = "#{T(com.alphapanda.core.topic.Topics).MARKET_TICKS.name()}",
            groupId = "alpha-panda.paper-trading.ticks")
    void onTicks(List<ConsumerRecord<String, byte[]>> records, Acknowledgment ack) {
        batches.process(records, ack, ticks);
    }

    private static void publish(EventPublisher publisher, List<Envelope<OrderEvent>> envelopes) {
        envelopes.forEach(e -> publisher.publish(PaperTradingEngine.topicOf(e.payload()), e));
    }
}
