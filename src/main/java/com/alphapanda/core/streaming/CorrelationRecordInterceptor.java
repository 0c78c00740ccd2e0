package com.alphapanda.core.streaming;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.MDC;
import org.springframework.kafka.listener.RecordInterceptor;

/** Sets the logging MDC from a consumed record's {@link EventHeaders} for every listener, and clears it after. */
public class CorrelationRecordInterceptor implements RecordInterceptor<Object, Object> {

    @Override
    public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record,
                                                    Consumer<Object, Object> consumer) {
        put(CorrelationContext.CORRELATION_ID, EventHeaders.read(record.headers(), EventHeaders.CORRELATION_ID));
        put(CorrelationContext.EVENT_ID, EventHeaders.read(record.headers(), EventHeaders.EVENT_ID));
        return record;
    }

    @Override
    public void afterRecord(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        MDC.remove(CorrelationContext.CORRELATION_ID);
        MDC.remove(CorrelationContext.EVENT_ID);
    }

    private static void put(String key, String value) {
        if (value != null) {
            MDC.put(key, value);
        }
    }
}
