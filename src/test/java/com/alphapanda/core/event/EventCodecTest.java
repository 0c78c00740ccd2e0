package com.alphapanda.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphapanda.core.json.EventJson;
import com.alphapanda.core.streaming.Envelopes;
import com.alphapanda.core.topic.Topic;
import com.alphapanda.core.topic.Topics;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

class EventCodecTest {

    private final EventCodec codec = new EventCodec();

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyEventTypeRoundTripsThroughJsonUnchanged(EventType type) {
        EventPayload payload = SampleEvents.sample(type);
        Envelope<?> envelope = Envelopes.root(topicFor(payload), payload, "test");

        byte[] json = codec.encode(envelope);
        Envelope<EventPayload> decoded = codec.decode(json);

        assertThat(decoded).isEqualTo(envelope);
        assertThat(decoded.payload()).isEqualTo(payload);
        assertThat(codec.encode(decoded)).isEqualTo(json);
    }

    @Test
    void everyPayloadRecordOfEverySealedFamilyHasExactlyOneEventType() {
        Set<Class<?>> records = new HashSet<>();
        Stream.of(EventPayload.class.getPermittedSubclasses())
                .flatMap(family -> Arrays.stream(family.getPermittedSubclasses()))
                .forEach(records::add);
        Set<Class<?>> typed = new HashSet<>();
        Arrays.stream(EventType.values()).forEach(t -> typed.add(t.payloadClass()));
        assertThat(typed).isEqualTo(records);
    }

    @Test
    void moneyStaysExactAndIsWrittenAsAString() {
        String json = """
                {"id":"01937f0e-8a4b-7c3d-9e2f-0123456789ab","type":"market_tick","correlation_id":"c-1",
                 "causation_id":null,"occurred_at":"2026-11-26T04:00:00Z","source":"test","broker":"shared",
                 "key":"738561","version":1,
                 "payload":{"instrument_token":738561,"last_price":"100.05","timestamp":"2026-11-26T04:00:00Z",
                            "change":0.1}}""";

        MarketTick tick = (MarketTick) codec.decode(json.getBytes(StandardCharsets.UTF_8), MarketEvent.class).payload();

        assertThat(tick.lastPrice().value()).isEqualTo(new BigDecimal("100.05"));
        assertThat(tick.change().value()).isEqualTo(new BigDecimal("0.1")); // a JSON number is read exactly too
        JsonNode written = EventJson.mapper().readTree(codec.encode(codec.decode(json.getBytes(StandardCharsets.UTF_8))));
        assertThat(written.get("payload").get("last_price").isString()).isTrue();
        assertThat(written.get("payload").get("last_price").asString()).isEqualTo("100.05");
        assertThat(written.get("payload").get("change").asString()).isEqualTo("0.1");
        assertThat(written.get("occurred_at").asString()).isEqualTo("2026-11-26T04:00:00Z");
    }

    @Test
    void largeAndTinyAmountsAreWrittenWithoutExponent() {
        Envelope<?> envelope = Envelopes.root(Topics.MARKET_TICKS, MarketTick.ltp(SampleEvents.RELIANCE,
                com.alphapanda.core.money.Price.of(new BigDecimal("1E+7")), SampleEvents.T0), "test");
        String json = new String(codec.encode(envelope), StandardCharsets.UTF_8);
        assertThat(json).contains("\"last_price\":\"10000000\"");
    }

    @Test
    void malformedJsonIsADecodingError() {
        assertThatThrownBy(() -> codec.decode("{not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EventDecodingException.class).hasMessageContaining("malformed");
    }

    @Test
    void unknownTypeIsADecodingError() {
        String json = """
                {"id":"01937f0e-8a4b-7c3d-9e2f-0123456789ab","type":"spaceship","correlation_id":"c",
                 "occurred_at":"2026-11-26T04:00:00Z","source":"t","broker":"shared","key":"k","version":1,
                 "payload":{}}""";
        assertThatThrownBy(() -> codec.decode(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnknownEventTypeException.class).hasMessageContaining("spaceship");
    }

    @Test
    void missingRequiredPayloadFieldIsADecodingError() {
        String json = """
                {"id":"01937f0e-8a4b-7c3d-9e2f-0123456789ab","type":"market_tick","correlation_id":"c",
                 "occurred_at":"2026-11-26T04:00:00Z","source":"t","broker":"shared","key":"k","version":1,
                 "payload":{"instrument_token":738561,"timestamp":"2026-11-26T04:00:00Z"}}""";
        assertThatThrownBy(() -> codec.decode(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EventDecodingException.class).hasMessageContaining("last_price");
    }

    @Test
    void negativePriceIsADecodingError() {
        String json = """
                {"id":"01937f0e-8a4b-7c3d-9e2f-0123456789ab","type":"market_tick","correlation_id":"c",
                 "occurred_at":"2026-11-26T04:00:00Z","source":"t","broker":"shared","key":"k","version":1,
                 "payload":{"instrument_token":738561,"last_price":"-1","timestamp":"2026-11-26T04:00:00Z"}}""";
        assertThatThrownBy(() -> codec.decode(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EventDecodingException.class).hasMessageContaining("positive");
    }

    @Test
    void payloadOfTheWrongFamilyForTheTopicIsADecodingError() {
        byte[] tick = codec.encode(Envelopes.root(Topics.MARKET_TICKS, SampleEvents.tick(), "t"));
        assertThatThrownBy(() -> codec.decode(tick, OrderEvent.class))
                .isInstanceOf(EventDecodingException.class).hasMessageContaining("market_tick");
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Topic topicFor(EventPayload payload) {
        return switch (payload) {
            case MarketEvent m -> Topics.MARKET_TICKS;
            case SignalEvent s -> Topics.signalsRaw(Broker.PAPER);
            case RiskDecisionEvent r -> Topics.signalsValidated(Broker.PAPER);
            case OrderEvent o -> Topics.ordersFilled(Broker.PAPER);
            case OrderCommand c -> Topics.orderCommands(Broker.PAPER);
            case PnlEvent p -> Topics.pnlSnapshots(Broker.PAPER);
            case ControlEvent c -> Topics.CONTROL;
        };
    }
}
