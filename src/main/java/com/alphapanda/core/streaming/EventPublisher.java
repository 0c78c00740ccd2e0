package com.alphapanda.core.streaming;

import com.alphapanda.core.event.Envelope;
import com.alphapanda.core.event.EventPayload;
import com.alphapanda.core.topic.Topic;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * Publishes envelopes to typed topics, keyed by the payload's partition key. Inside a Kafka listener transaction the
 * send joins that transaction.
 */
public class EventPublisher {

    private final KafkaTemplate<String, Envelope<?>> template;

    public EventPublisher(KafkaTemplate<String, Envelope<?>> template) {
        this.template = template;
    }

    public <F extends EventPayload> CompletableFuture<SendResult<String, Envelope<?>>> publish(
            Topic<F> topic, Envelope<? extends F> envelope) {
        if (!envelope.broker().equals(topic.namespace())) {
            throw new IllegalArgumentException("envelope of " + envelope.broker() + " sent to topic " + topic.name());
        }
        return template.send(new ProducerRecord<>(topic.name(), envelope.key(), envelope));
    }
}
