package com.alphapanda.core.streaming;

import com.alphapanda.core.event.Envelope;
import com.alphapanda.core.event.EventPayload;
import com.alphapanda.core.topic.Topic;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * Publishes envelopes to typed topics, keyed by the payload's partition key. Inside a Kafka listener transaction the
 * send joins that transaction (read-process-write is atomic); outside one (a feed, an operator command) it goes
 * through an idempotent, non-transactional producer. While a {@link BatchProcessor} processes a record, publications
 * are held back ({@link #hold}) and sent only once the record and its batch have succeeded.
 */
public class EventPublisher implements AutoCloseable {

    /** A publication held back: the record and the future its caller got. */
    record Held(ProducerRecord<Object, Object> record, CompletableFuture<SendResult<Object, Object>> result) {
    }

    private static final ThreadLocal<List<Held>> HELD = new ThreadLocal<>();

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
        ProducerRecord<Object, Object> record = new ProducerRecord<>(topic.name(), envelope.key(), envelope);
        List<Held> held = HELD.get();
        if (held != null) {
            CompletableFuture<SendResult<Object, Object>> result = new CompletableFuture<>();
            held.add(new Held(record, result));
            return result;
        }
        return send(record);
    }

    /** The idempotent, non-transactional template of root events (and of dead letters of read-only consumers). */
    KafkaTemplate<Object, Object> root() {
        return root;
    }

    /** True when this thread runs in a Kafka (listener) transaction. */
    boolean inTransaction() {
        return transactional.inTransaction();
    }

    /** Holds back this thread's publications, collecting them into {@code into}, until {@link #release}. */
    static void hold(List<Held> into) {
        HELD.set(into);
    }

    /** Ends {@link #hold}: publications are sent at once again. */
    static void release() {
        HELD.remove();
    }

    /** Sends held publications, in order; each caller's future completes with its send. */
    void send(List<Held> held) {
        for (Held h : held) {
            send(h.record()).whenComplete((result, failure) -> {
                if (failure == null) {
                    h.result().complete(result);
                } else {
                    h.result().completeExceptionally(failure);
                }
            });
        }
    }

    private CompletableFuture<SendResult<Object, Object>> send(ProducerRecord<Object, Object> record) {
        KafkaTemplate<Object, Object> template = transactional.inTransaction() ? transactional : root;
        return template.send(record);
    }

    /** A fresh list to {@link #hold} publications in. */
    static List<Held> newHeld() {
        return new ArrayList<>();
    }
}
