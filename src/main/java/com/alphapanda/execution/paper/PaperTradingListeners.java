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
import com.alphapanda.core.platform.PlatformProperties;
import com.alphapanda.core.topic.Topics;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.kafka.support.Acknowledgment;

/**
 * The paper venue's listeners. Validated signals of the paper broker (group {@code alpha-panda.paper-trading.signals},
 * shared by all instances) place orders; the partitions of that topic an instance is assigned decide which orders it
 * owns (restored from PostgreSQL on assignment, dropped on revocation). Ticks (resting orders, stops, brackets, expiry)
 * are read by every instance in its own group ({@code alpha-panda.paper-trading.ticks.<instance-id>}), all partitions,
 * so an owned order sees every tick of its instrument. Each poll is one Kafka transaction and one database
 * transaction.
 */
final class PaperTradingListeners implements ConsumerSeekAware {

    private final PaperTradingEngine engine;
    private final BatchProcessor batches;
    private final BatchStage<RiskDecisionEvent> signals;
    private final BatchStage<MarketEvent> ticks;
    private final String signalsTopic = Topics.signalsValidated(Broker.PAPER).name();

    PaperTradingListeners(PaperTradingEngine engine, EventPublisher publisher, BatchProcessor batches,
                          PipelineActivity activity) {
        this.engine = engine;
        this.batches = batches;
        this.signals = new VenueStage<>(engine, RiskDecisionEvent.class,
                records -> publish(publisher, engine.beginSignals(records)), (envelope, record) -> {
            switch (envelope.payload()) {
                case ValidatedSignal validated -> {
                    publish(publisher, engine.onValidated(envelope, validated, VenueStage.source(record)));
                    activity.record(PipelineStage.TRADING_ENGINE, Broker.PAPER, validated.timestamp());
                }
                case RejectedSignal rejected -> throw new IllegalArgumentException(
                        "a rejected signal on the validated-signals topic: " + envelope.id());
            }
        });
        this.ticks = new VenueStage<>(engine, MarketEvent.class,
                records -> publish(publisher, engine.beginTicks(records)), (envelope, record) -> {
            switch (envelope.payload()) {
                case MarketTick tick -> publish(publisher, engine.onTick(envelope, tick, VenueStage.source(record)));
            }
        });
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        List<Integer> partitions = partitionsOf(signalsTopic, assignments.keySet());
        if (!partitions.isEmpty()) {
            engine.assigned(partitions);
        }
        List<Integer> tickPartitions = partitionsOf(Topics.MARKET_TICKS.name(), assignments.keySet());
        if (!tickPartitions.isEmpty()) {
            engine.ticksAssigned(tickPartitions);
        }
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        List<Integer> revoked = partitionsOf(signalsTopic, partitions);
        if (!revoked.isEmpty()) {
            engine.revoked(revoked);
        }
    }

    @KafkaListener(id = "paper-trading.signals",
            topics = "#{T(com.alphapanda.core.topic.Topics).signalsValidated(T(com.alphapanda.core.event.Broker).PAPER).name()}",
            groupId = "alpha-panda.paper-trading.signals")
    void onValidated(List<ConsumerRecord<String, byte[]>> records, Acknowledgment ack) {
        batches.process(records, ack, signals);
    }

    @KafkaListener(id = "paper-trading.ticks", topics = "#{T(com.alphapanda.core.topic.Topics).MARKET_TICKS.name()}",
            groupId = "alpha-panda.paper-trading.ticks.${alpha-panda.instance-id}")
    void onTicks(List<ConsumerRecord<String, byte[]>> records, Acknowledgment ack) {
        batches.process(records, ack, ticks);
    }

    /** This instance's tick group (as the tick listener's {@code groupId} expression resolves it). */
    static String tickGroup(PlatformProperties platform) {
        return "alpha-panda.paper-trading.ticks." + platform.instanceId();
    }

    private static List<Integer> partitionsOf(String topic, Collection<TopicPartition> partitions) {
        return partitions.stream().filter(p -> p.topic().equals(topic)).map(TopicPartition::partition).toList();
    }

    private static void publish(EventPublisher publisher, List<Envelope<OrderEvent>> envelopes) {
        envelopes.forEach(e -> publisher.publish(PaperTradingEngine.topicOf(e.payload()), e));
    }
}
