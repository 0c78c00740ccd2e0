package com.alphapanda.core.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphapanda.core.event.Envelope;
import com.alphapanda.core.event.MarketTick;
import com.alphapanda.core.event.SampleEvents;
import com.alphapanda.core.topic.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class CorrelationRecordInterceptorTest {

    @Test
    void putsTheRecordsCorrelationAndEventIdIntoTheMdcWhileItIsProcessedAndClearsThemAfter() {
        Envelope<MarketTick> envelope = Envelopes.root(Topics.MARKET_TICKS, SampleEvents.tick(), "test");
        RecordHeaders headers = new RecordHeaders();
        byte[] value = new EventOrBytesSerializer().serialize("market.ticks", headers, envelope);
        ConsumerRecord<Object, Object> record = new ConsumerRecord<>("market.ticks", 0, 0L, 0L,
                org.apache.kafka.common.record.TimestampType.CREATE_TIME, 0, value.length, envelope.key(), value,
                headers, java.util.Optional.empty());
        CorrelationRecordInterceptor interceptor = new CorrelationRecordInterceptor();

        interceptor.intercept(record, null);
        assertThat(MDC.get(CorrelationContext.CORRELATION_ID)).isEqualTo(envelope.correlationId());
        assertThat(MDC.get(CorrelationContext.EVENT_ID)).isEqualTo(envelope.id().asString());

        interceptor.afterRecord(record, null);
        assertThat(MDC.get(CorrelationContext.CORRELATION_ID)).isNull();
        assertThat(MDC.get(CorrelationContext.EVENT_ID)).isNull();
    }

    @Test
    void correlationContextRestoresThePreviousValues() {
        MDC.put(CorrelationContext.CORRELATION_ID, "outer");
        Envelope<MarketTick> envelope = Envelopes.root(Topics.MARKET_TICKS, SampleEvents.tick(), "test");
        try (CorrelationContext ignored = CorrelationContext.of(envelope)) {
            assertThat(MDC.get(CorrelationContext.CORRELATION_ID)).isEqualTo(envelope.correlationId());
            assertThat(MDC.get(CorrelationContext.BROKER)).isEqualTo("shared");
        }
        assertThat(MDC.get(CorrelationContext.CORRELATION_ID)).isEqualTo("outer");
        assertThat(MDC.get(CorrelationContext.BROKER)).isNull();
        MDC.clear();
    }

    @Test
    void childEventsCarryTheCorrelationIdAndNameTheirCause() {
        Envelope<MarketTick> tick = Envelopes.root(Topics.MARKET_TICKS, SampleEvents.tick(), "feed");
        var signal = Envelopes.child(Topics.signalsRaw(com.alphapanda.core.event.Broker.PAPER), SampleEvents.signal(),
                "strategy_runner", tick);
        assertThat(tick.correlationId()).isEqualTo(tick.id().asString());
        assertThat(signal.correlationId()).isEqualTo(tick.correlationId());
        assertThat(signal.causationId()).isEqualTo(tick.id());
        assertThat(signal.broker()).isEqualTo("paper");
        assertThat(signal.key()).isEqualTo("momentum_1:738561");
    }
}
