package com.alphapanda.risk;

import com.alphapanda.core.event.Broker;
import com.alphapanda.core.event.Envelope;
import com.alphapanda.core.event.EventCodec;
import com.alphapanda.core.event.EventDecodingException;
import com.alphapanda.core.event.SignalEvent;
import com.alphapanda.core.event.TradingSignal;
import com.alphapanda.core.streaming.BatchProcessor;
import com.alphapanda.core.streaming.BatchStage;
import com.alphapanda.core.streaming.EventPublisher;
import com.alphapanda.core.topic.Topic;
import com.alphapanda.core.topic.Topics;
import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.monitoring.PipelineActivity;
import com.alphapanda.monitoring.PipelineStage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;

/**
 * Consumes {@code {broker}.signals.raw} of every enabled broker, one Kafka transaction and one database transaction
 * per poll: the batch's strategies are locked and their exposure read once when its first signal is judged, its
 * decisions are recorded together in one statement and published with the batch's offsets.
 */
final class RiskSignalListener {

    private final RiskManager manager;
    private final EventPublisher publisher;
    private final BatchProcessor batches;
    private final PipelineActivity activity;
    private final BatchStage<SignalEvent> stage;
    private final Map<String, Broker> brokerByTopic;
    private final RiskConfiguration.BatchReads reads;
    private final LastTickPrices lastPrices;
    private final EventCodec codec = new EventCodec();

    RiskSignalListener(RiskManager manager, EventPublisher publisher, BatchProcessor batches, PipelineActivity activity,
                       Collection<Broker> brokers, RiskConfiguration.BatchReads reads, LastTickPrices lastPrices) {
        this.manager = manager;
        this.reads = reads;
        this.lastPrices = lastPrices;
        this.stage = new SignalStage();
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
        plan(records);
        batches.process(records, ack, stage);
    }

    /**
     * Plans the poll's signals (what the batch locks and reads) and waits, before any lock is taken, until the tick
     * reader has reached their event times. A record that does not decode is left to the batch, which dead-letters it.
     */
    private void plan(List<ConsumerRecord<String, byte[]>> records) {
        List<BatchSnapshot.Planned> planned = new ArrayList<>();
        Map<InstrumentToken, Instant> latest = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            Broker broker = brokerByTopic.get(record.topic());
            try {
                Envelope<SignalEvent> envelope = codec.decode(record.value(), SignalEvent.class);
                if (broker != null && envelope.payload() instanceof TradingSignal signal) {
                    planned.add(reads.exposure().planned(envelope.id(), broker, signal.strategyId(),
                            signal.timestamp()));
                    latest.merge(signal.instrumentToken(), signal.timestamp(), (a, b) -> a.isAfter(b) ? a : b);
                }
            } catch (EventDecodingException e) {
                // judged (and dead-lettered) by the batch
            }
        }
        reads.exposure().plan(planned);
        latest.forEach((token, at) -> lastPrices.awaitTicksUpTo(token, at, RiskManager.PRICE_PATIENCE,
                RiskManager.TICKS_IDLE));
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

    /**
     * Decisions written in the batch's database transaction, in one statement just before it commits; what was read
     * once per transaction forgotten after it.
     */
    private final class SignalStage implements BatchStage<SignalEvent> {

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
        public void beforeCommit() {
            reads.decisions().flush();
        }

        @Override
        public void afterCommit() {
            reads.forget();
        }

        @Override
        public void afterRollback() {
            reads.forget();
        }
    }
}
