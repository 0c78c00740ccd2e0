package com.alphapanda.core.streaming;

import com.alphapanda.core.event.Envelope;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/** Kafka record headers that repeat envelope fields, so tools can read them without decoding the value. */
public final class EventHeaders {

    public static final String EVENT_ID = "event_id";
    public static final String EVENT_TYPE = "event_type";
    public static final String CORRELATION_ID = "correlation_id";
    public static final String CAUSATION_ID = "causation_id";

    private EventHeaders() {
    }

    static void write(Headers headers, Envelope<?> envelope) {
        set(headers, EVENT_ID, envelope.id().asString());
        set(headers, EVENT_TYPE, envelope.type().wireName());
        set(headers, CORRELATION_ID, envelope.correlationId());
        if (envelope.causationId() != null) {
            set(headers, CAUSATION_ID, envelope.causationId().asString());
        }
    }

    /** The last value of a header as UTF-8 text, or null. */
    public static String read(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void set(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
