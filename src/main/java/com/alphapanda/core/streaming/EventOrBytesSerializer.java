package com.alphapanda.core.streaming;

import com.alphapanda.core.event.Envelope;
import com.alphapanda.core.event.EventCodec;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The one value serializer of every producer: an {@link Envelope} is written as JSON with its {@link EventHeaders};
 * raw bytes (a dead letter, a replay) are written unchanged, so that they stay byte-for-byte the original. One
 * serializer lets dead-letter publishing share the listener's transactional producer.
 */
public class EventOrBytesSerializer implements Serializer<Object> {

    private final EventCodec codec = new EventCodec();

    @Override
    public byte[] serialize(String topic, Object data) {
        return serialize(topic, null, data);
    }

    @Override
    public byte[] serialize(String topic, Headers headers, Object data) {
        return switch (data) {
            case null -> null;
            case byte[] bytes -> bytes;
            case Envelope<?> envelope -> {
                if (headers != null) {
                    EventHeaders.write(headers, envelope);
                }
                yield codec.encode(envelope);
            }
            default -> throw new SerializationException(
                    "cannot write a " + data.getClass().getName() + " to " + topic + ": only envelopes and bytes");
        };
    }
}
