package com.alphapanda.core.streaming;

import com.alphapanda.core.event.Envelope;
import org.slf4j.MDC;

/**
 * Puts an event's correlation id, id and broker into the logging MDC for the duration of its processing, so that
 * every log line written meanwhile names them.
 */
public final class CorrelationContext implements AutoCloseable {

    public static final String CORRELATION_ID = "correlationId";
    public static final String EVENT_ID = "eventId";
    public static final String BROKER = "broker";

    private final String previousCorrelationId;
    private final String previousEventId;
    private final String previousBroker;

    private CorrelationContext(String correlationId, String eventId, String broker) {
        previousCorrelationId = MDC.get(CORRELATION_ID);
        previousEventId = MDC.get(EVENT_ID);
        previousBroker = MDC.get(BROKER);
        put(CORRELATION_ID, correlationId);
        put(EVENT_ID, eventId);
        put(BROKER, broker);
    }

    public static CorrelationContext of(Envelope<?> envelope) {
        return new CorrelationContext(envelope.correlationId(), envelope.id().asString(), envelope.broker());
    }

    public static CorrelationContext of(String correlationId, String eventId, String broker) {
        return new CorrelationContext(correlationId, eventId, broker);
    }

    /** The correlation id of the event or request being processed on this thread, or null. */
    public static String currentCorrelationId() {
        return MDC.get(CORRELATION_ID);
    }

    @Override
    public void close() {
        put(CORRELATION_ID, previousCorrelationId);
        put(EVENT_ID, previousEventId);
        put(BROKER, previousBroker);
    }

    private static void put(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }
}
