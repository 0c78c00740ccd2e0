package com.alphapanda.risk;

import com.alphapanda.core.event.Broker;
import com.alphapanda.core.event.Envelope;
import com.alphapanda.core.event.SignalEvent;
import com.alphapanda.core.event.TradingSignal;
import com.alphapanda.core.streaming.BatchProcessor;
import com.alphapanda.core.streaming.BatchStage;
import com.alphapanda.core.streaming.EventPublisher;
import com.alphapanda.core.topic.Topic;
import com.alphapanda.core.topic.Topics;
import com.alphapanda.monitoring.PipelineActivity;
import com.alphapanda.monitoring.PipelineStage;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;

/**
 * Consumes {@code {broker}.signals.raw} of every enabled broker, one Kafka transaction and one database transaction
 * per poll: the decisions of a batch are recorded together and published with the batch's offsets.
 */
final class RiskSignalListener {

    private final RiskManager manager;
    private final EventPublisher publisher;
    private final BatchProcessor batches;
    private final PipelineActivity activity;
    private final BatchStage<SignalEvent> stage;
    private final Map<String, Broker> brokerByTopic;

    /** {@code endOfBatch}: forgets what was read once per batch (exposure, validated counts). */
    RiskSignalListener(RiskManager manager, EventPublisher publisher, BatchProcessor batches, PipelineActivity activity,
                       Collection<Broker> brokers, Runnable endOfBatch) {
        this.manager = manager;
        this.stage = new SignalStage(endOfBatch);
        this.publisher = publisher;
        this.batches = batches;
        this.activity = activity;
        this.brokerByTopic = brokers.stream().map(Topics::signalsRaw)
                .collect(Collectors.toUnmodifiableMap(Topic::name, Topic::broker));
    }

    /** The raw-signal topics consumed (SpEL {@code __listener.signalTopics}). */
    public String[] getSignalTopics() {
        return brokerByTopic.keySet().stream().sorted().toArray(String[]::new);
    }

    @KafkaListener(id = "risk-manager.signals", topics = "#{__listener.signalTopics}",
            groupId = "alpha-panda.risk-manager.signals")
    void onSignals(List<ConsumerRecord<String, byte[]>> records, Acknowledgment ack) {
        batches.process(records, ack, stage);
    }

    private void process(Envelope<SignalEvent> envelope, ConsumerRecord<String, byte[]> record) {
        Broker broker = brokerByTopic.get(record.topic());
        switch (envelope.payload()) {
            case TradingSignal signal -> {
                RiskManager.Decision decision = manager.decide(broker, envelope, signal);
                publisher.publish(decision.topic(), decision.envelope());
                activity.record(PipelineStage.RISK_MANAGER, broker, signal.timestamp());
            }
        }
    }

    /** Decisions recorded in the batch's database transaction; what was read once per batch forgotten after it. */
    private final class SignalStage implements BatchStage<SignalEvent> {

        private final Runnable endOfBatch;

        SignalStage(Runnable endOfBatch) {
            this.endOfBatch = endOfBatch;
        }

        @Override
        public Class<SignalEvent> family() {
            return SignalEvent.class;
        }

        @Override
        public void process(Envelope<SignalEvent> envelope, ConsumerRecord<String, byte[]> record) {
            RiskSignalListener.this.process(envelope, record);
        }

        @Override
        public boolean writesDatabase() {
            return true;
        }

        @Override
        public void afterCommit() {
            endOfBatch.run();
        }

        @Override
        public void afterRollback() {
            endOfBatch.run();
        }
    }
}
