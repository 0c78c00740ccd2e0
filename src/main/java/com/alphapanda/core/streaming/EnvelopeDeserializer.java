package com.alphapanda.core.streaming;

import com.alphapanda.core.event.Envelope;
import com.alphapanda.core.event.EventCodec;
import com.alphapanda.core.event.EventPayload;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Kafka deserializer of envelopes. Throws {@link com.alphapanda.core.event.EventDecodingException} for anything that
 * is not a valid envelope; wrapped in spring-kafka's {@code ErrorHandlingDeserializer}, such a record reaches the
 * error handler with its raw bytes instead of blocking the partition.
 */
public class EnvelopeDeserializer implements Deserializer<Envelope<EventPayload>> {

    private final EventCodec codec = new EventCodec();

    @Override
    public Envelope<EventPayload> deserialize(String topic, byte[] data) {
        return data == null ? null : codec.decode(data);
    }
}
