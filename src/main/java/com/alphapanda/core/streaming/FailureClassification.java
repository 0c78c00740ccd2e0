package com.alphapanda.core.streaming;

import com.alphapanda.core.event.EventDecodingException;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.kafka.support.converter.ConversionException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.messaging.converter.MessageConversionException;

/**
 * Classifies listener failures by exception type (never by class-name strings). A permanent failure has a reason and
 * is dead-lettered at once; anything else is transient: retried with back-off, then dead-lettered with reason
 * {@value #MAX_RETRIES_EXCEEDED}.
 */
public final class FailureClassification {

    public static final String MAX_RETRIES_EXCEEDED = "max_retries_exceeded";

    /** Permanent failure types and their reasons, most specific first. */
    private static final List<Map.Entry<Class<? extends Exception>, String>> PERMANENT = List.of(
            Map.entry(EventDecodingException.class, "invalid_event"),
            Map.entry(DeserializationException.class, "invalid_event"),
            Map.entry(SerializationException.class, "invalid_event"),
            Map.entry(MessageConversionException.class, "invalid_event"),
            Map.entry(ConversionException.class, "invalid_event"),
            Map.entry(DataIntegrityViolationException.class, "constraint_violation"),
            Map.entry(IllegalArgumentException.class, "validation_failed"),
            Map.entry(IllegalStateException.class, "illegal_state"),
            Map.entry(NullPointerException.class, "processing_bug"),
            Map.entry(ClassCastException.class, "processing_bug"));

    private FailureClassification() {
    }

    /** The exception types that are never retried. */
    @SuppressWarnings("unchecked")
    static Class<? extends Exception>[] permanentTypes() {
        return PERMANENT.stream().map(Map.Entry::getKey).distinct().toArray(Class[]::new);
    }

    /** The dead-letter reason of a failure: a permanent reason, or {@value #MAX_RETRIES_EXCEEDED}. */
    public static String reasonOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            for (Map.Entry<Class<? extends Exception>, String> entry : PERMANENT) {
                if (entry.getKey().isInstance(t)) {
                    return entry.getValue();
                }
            }
        }
        return MAX_RETRIES_EXCEEDED;
    }

    public static boolean isPermanent(Throwable failure) {
        return !MAX_RETRIES_EXCEEDED.equals(reasonOf(failure));
    }
}
