package com.alphapanda.core.streaming;

import com.alphapanda.core.event.Envelope;
import com.alphapanda.core.event.EventCodec;
import com.alphapanda.core.event.EventPayload;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.support.converter.MessagingMessageConverter;

/**
 * Lets {@code @KafkaListener} methods take an {@code Envelope<Family>} parameter while the consumer reads raw bytes.
 * Decoding happens here, so a record that is not a valid envelope of the listener's family fails with an
 * {@link com.alphapanda.core.event.EventDecodingException} (permanent) and is dead-lettered with its original bytes
 * and headers, byte-for-byte.
 */
public class EnvelopeMessageConverter extends MessagingMessageConverter {

    private final EventCodec codec = new EventCodec();

    @Override
    protected Object extractAndConvertValue(ConsumerRecord<?, ?> record, Type type) {
        Object value = record.value();
        if (value instanceof byte[] bytes && isEnvelope(type)) {
            return codec.decode(bytes, family(type));
        }
        return super.extractAndConvertValue(record, type);
    }

    private static boolean isEnvelope(Type type) {
        Type raw = type instanceof ParameterizedType p ? p.getRawType() : type;
        return raw == Envelope.class;
    }

    @SuppressWarnings("unchecked")
    private static Class<? extends EventPayload> family(Type type) {
        if (type instanceof ParameterizedType p) {
            Type argument = p.getActualTypeArguments()[0];
            if (argument instanceof WildcardType w) {
                argument = w.getUpperBounds()[0];
            }
            if (argument instanceof Class<?> c && EventPayload.class.isAssignableFrom(c)) {
                return (Class<? extends EventPayload>) c;
            }
        }
        return EventPayload.class;
    }
}
