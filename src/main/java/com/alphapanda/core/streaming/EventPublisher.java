package com.alphapanda.core.streaming;

import com.alphapanda.core.event.Envelope;
import com.alphapanda.core.event.EventPayload;
import com.alphapanda.core.topic.Topic;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * Publishes envelopes to typed topics, keyed by the payload's partition key. Inside a Kafka listener transaction the
 * send joins that transaction (read-process-write is atomic); outside one (a feed, an operator command) it goes
 * through an idempotent, non-transactional producer.
 */
public class EventPublisher implements AutoCloseable {

    private final KafkaTemplate<Object, Object> transactional;
    private final DefaultKafkaProducerFactory<Object, Object> rootProducerFactory;
    private final KafkaTemplate<Object, Object> root;

    public EventPublisher(KafkaTemplate<Object, Object> transactional,
                          DefaultKafkaProducerFactory<Object, Object> rootProducerFactory) {
        if (rootProducerFactory.transactionCapable()) {
            throw new IllegalArgumentException("the root-event producer must not be transactional");
        }
        this.transactional = transactional;
        this.rootProducerFactory = rootProducerFactory;
        this.root = new KafkaTemplate<>(rootProducerFactory);
    }

    /** Flushes and closes the root-event producer. */
    @Override
    public void close() {
        rootProducerFactory.destroy();
    }

    public <F extends EventPayload> CompletableFuture<SendResult<Object, Object>> publish(
            Topic<F> topic, Envelope<? extends F> envelope) {
        if (!envelope.broker().equals(topic.namespace())) {
            throw new IllegalArgumentException("envelope of " + envelope.broker() + " sent to topic " + topic.name());
        }
        KafkaTemplate<Object, Object> template = transactional.inTransaction() ? transactional : root;
        return template.send(new ProducerRecord<>(topic.name(), envelope.key(), envelope));
    }
}
