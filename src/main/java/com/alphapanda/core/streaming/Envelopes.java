package com.alphapanda.core.streaming;

import com.alphapanda.core.event.Envelope;
import com.alphapanda.core.event.EventPayload;
import com.alphapanda.core.event.EventType;
import com.alphapanda.core.id.EventId;
import com.alphapanda.core.topic.Topic;

/**
 * Builds envelopes. A root event (a tick, an operator command) starts a new correlation chain (or joins one given
 * from outside, e.g. an HTTP request's {@code X-Correlation-ID}); a child event carries its cause's correlation id
 * unchanged and names the cause as its causation.
 */
public final class Envelopes {

    private Envelopes() {
    }

    /** A root event: its correlation id is its own id. */
    public static <F extends EventPayload, E extends F> Envelope<E> root(Topic<F> topic, E payload, String source) {
        EventId id = EventId.next();
        return build(id, topic, payload, source, id.asString(), null);
    }

    /** A root event joining an existing correlation chain (e.g. from an API request). */
    public static <F extends EventPayload, E extends F> Envelope<E> root(Topic<F> topic, E payload, String source,
                                                                       String correlationId) {
        return build(EventId.next(), topic, payload, source, correlationId, null);
    }

    /** An event caused by {@code cause}: same correlation id, causation id = the cause's id. */
    public static <F extends EventPayload, E extends F> Envelope<E> child(Topic<F> topic, E payload, String source,
                                                                        Envelope<?> cause) {
        return build(EventId.next(), topic, payload, source, cause.correlationId(), cause.id());
    }

    private static <F extends EventPayload, E extends F> Envelope<E> build(EventId id, Topic<F> topic, E payload,
                                                                         String source, String correlationId,
                                                                         EventId causationId) {
        return new Envelope<>(id, EventType.of(payload), correlationId, causationId, payload.eventTime(), source,
                topic.namespace(), payload.partitionKey(), Envelope.CURRENT_VERSION, payload);
    }
}
