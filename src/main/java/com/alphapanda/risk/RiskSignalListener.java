package com.alphapanda.risk;

import com.alphapanda.core.event.Broker;
import com.alphapanda.core.event.Envelope;
import com.alphapanda.core.event.SignalEvent;
import com.alphapanda.core.event.TradingSignal;
import com.alphapanda.core.streaming.CorrelationContext;
import com.alphapanda.core.streaming.EventPublisher;
import com.alphapanda.core.topic.Topic;
import com.alphapanda.core.topic.Topics;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.handler.annotation.Header;

/** Consumes {@code {broker}.signals.raw} of every enabled broker; publishes the decision in the same transaction. */
final class RiskSignalListener {

    private final RiskManager manager;
    private final EventPublisher publisher;
    private final Map<String, Broker> brokerByTopic;

    RiskSignalListener(RiskManager manager, EventPublisher publisher, Collection<Broker> brokers) {
        this.manager = manager;
        this.publisher = publisher;
        this.brokerByTopic = brokers.stream().map(Topics::signalsRaw)
                .collect(Collectors.toUnmodifiableMap(Topic::name, Topic::broker));
    }

    /** The raw-signal topics consumed (SpEL {@code __listener.signalTopics}). */
    public String[] getSignalTopics() {
        return brokerByTopic.keySet().stream().sorted().toArray(String[]::new);
    }

    @KafkaListener(id = "risk-manager.signals", topics = "#{__listener.signalTopics}",
            groupId = "alpha-panda.risk-manager.signals")
    void onSignal(Envelope<SignalEvent> envelope, @Header(KafkaHeaders.RECEIVED_TOPIC) String topic) {
        Broker broker = brokerByTopic.get(topic);
        try (CorrelationContext ignored = CorrelationContext.of(envelope)) {
            switch (envelope.payload()) {
                case TradingSignal signal -> {
                    RiskManager.Decision decision = manager.decide(broker, envelope, signal);
                    publisher.publish(decision.topic(), decision.envelope());
                }
            }
        }
    }
}
