package com.alphapanda.core.streaming;

import com.alphapanda.core.event.Envelope;
import com.alphapanda.core.event.EventCodec;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;

/** Kafka serializer of envelopes: JSON value plus the {@link EventHeaders}. */
public class EnvelopeSerializer implements Serializer<Envelope<?>> {

    private final EventCodec codec = new EventCodec();

    @Override
    public byte[] serialize(String topic, Envelope<?> envelope) {
        return envelope == null ? null : codec.encode(envelope);
    }

    @Override
    public byte[] serialize(String topic, Headers headers, Envelope<?> envelope) {
        if (envelope == null) {
            return null;
        }
        EventHeaders.write(headers, envelope);
        return codec.encode(envelope);
    }
}
