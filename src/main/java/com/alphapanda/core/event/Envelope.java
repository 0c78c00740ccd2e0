package com.alphapanda.core.event;

import com.alphapanda.core.id.EventId;
import java.time.Instant;
import java.util.Objects;

/**
 * The envelope every event travels in.
 *
 * @param id            a UUID v7, unique per event; the idempotency key of its consumers
 * @param type          the payload's type
 * @param correlationId the id of the whole causal chain, carried unchanged from the causing event
 * @param causationId   the id of the event that caused this one; null for a root event (a tick, an operator command)
 * @param occurredAt    event time: when the described thing happened
 * @param source        the service that produced the event
 * @param broker        the broker namespace: {@code paper}, {@code zerodha}, {@code shared} (market data) or
 *                      {@code system} (control); audit only, routing uses typed topics
 * @param key           the partition key, repeated from the record key
 * @param version       the payload schema version
 * @param payload       the payload
 */
public record Envelope<P extends EventPayload>(
        EventId id,
        EventType type,
        String correlationId,
        EventId causationId,
        Instant occurredAt,
        String source,
        String broker,
        String key,
        int version,
        P payload) {

    public static final int CURRENT_VERSION = 1;

    public Envelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(correlationId, "correlation_id");
        Objects.requireNonNull(occurredAt, "occurred_at");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(broker, "broker");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(payload, "payload");
        if (type.payloadClass() != payload.getClass()) {
            throw new IllegalArgumentException(
                    "envelope type " + type.wireName() + " does not match payload " + payload.getClass().getSimpleName());
        }
    }

    /** This envelope with its payload narrowed to a family, or an {@link EventDecodingException}. */
    public <F extends EventPayload> Envelope<F> narrow(Class<F> family) {
        if (!family.isInstance(payload)) {
            throw new EventDecodingException(
                    "event type " + type.wireName() + " is not a " + family.getSimpleName());
        }
        @SuppressWarnings("unchecked")
        Envelope<F> narrowed = (Envelope<F>) this;
        return narrowed;
    }
}
