package com.alphapanda.core.event;

import com.alphapanda.core.id.EventId;
import com.alphapanda.core.json.EventJson;
import java.time.Instant;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Encodes envelopes to JSON bytes and decodes them back. Decoding failures of any kind (malformed JSON, missing or
 * invalid fields, unknown type, wrong family) are {@link EventDecodingException}s: permanent, never retried.
 */
public final class EventCodec {

    private final JsonMapper mapper;

    public EventCodec() {
        this(EventJson.mapper());
    }

    public EventCodec(JsonMapper mapper) {
        this.mapper = mapper;
    }

    public byte[] encode(Envelope<?> envelope) {
        return mapper.writeValueAsBytes(envelope);
    }

    /** Decodes an envelope of any type. */
    public Envelope<EventPayload> decode(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new EventDecodingException("empty record value: not an event envelope");
        }
        WireEnvelope wire;
        try {
            wire = mapper.readValue(bytes, WireEnvelope.class);
        } catch (UnknownEventTypeException e) {
            throw e;
        } catch (JacksonException e) {
            if (e.getCause() instanceof UnknownEventTypeException unknown) {
                throw unknown;
            }
            throw new EventDecodingException("malformed event envelope: " + e.getOriginalMessage(), e);
        }
        return wire.toEnvelope(mapper);
    }

    /** Decodes an envelope and checks that its payload belongs to the expected family. */
    public <F extends EventPayload> Envelope<F> decode(byte[] bytes, Class<F> family) {
        return decode(bytes).narrow(family);
    }

    /** The envelope as it is on the wire, with the payload not yet bound to its type. */
    record WireEnvelope(EventId id, EventType type, String correlationId, EventId causationId, Instant occurredAt,
                        String source, String broker, String key, Integer version, JsonNode payload) {

        Envelope<EventPayload> toEnvelope(JsonMapper mapper) {
            if (type == null) {
                throw new EventDecodingException("event envelope has no type");
            }
            if (payload == null || !payload.isObject()) {
                throw new EventDecodingException("event envelope of type " + type.wireName() + " has no payload object");
            }
            if (version == null || version < 1) {
                throw new EventDecodingException("event envelope has no valid version");
            }
            try {
                EventPayload data = mapper.treeToValue(payload, type.payloadClass());
                return new Envelope<>(id, type, correlationId, causationId, occurredAt, source, broker, key, version,
                        data);
            } catch (JacksonException e) {
                throw new EventDecodingException(
                        "invalid " + type.wireName() + " payload: " + e.getOriginalMessage(), e);
            } catch (NullPointerException | IllegalArgumentException e) {
                throw new EventDecodingException("invalid " + type.wireName() + " envelope: " + e.getMessage(), e);
            }
        }
    }
}
