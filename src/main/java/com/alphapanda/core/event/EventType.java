package com.alphapanda.core.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The wire name of each payload type, written in the envelope's {@code type} field. */
public enum EventType {
    MARKET_TICK("market_tick", MarketTick.class),
    TRADING_SIGNAL("trading_signal", TradingSignal.class),
    VALIDATED_SIGNAL("validated_signal", ValidatedSignal.class),
    REJECTED_SIGNAL("rejected_signal", RejectedSignal.class),
    ORDER_SUBMITTED("order_submitted", OrderSubmitted.class),
    ORDER_FILLED("order_filled", OrderFilled.class),
    ORDER_FAILED("order_failed", OrderFailed.class),
    CANCEL_ORDER("cancel_order", CancelOrder.class),
    PNL_SNAPSHOT("pnl_snapshot", PnlSnapshot.class),
    TRADING_STATE_CHANGED("trading_state_changed", TradingStateChanged.class);

    private static final Map<String, EventType> BY_WIRE_NAME =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(EventType::wireName, Function.identity()));
    private static final Map<Class<?>, EventType> BY_CLASS =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(EventType::payloadClass, Function.identity()));

    private final String wireName;
    private final Class<? extends EventPayload> payloadClass;

    EventType(String wireName, Class<? extends EventPayload> payloadClass) {
        this.wireName = wireName;
        this.payloadClass = payloadClass;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    public Class<? extends EventPayload> payloadClass() {
        return payloadClass;
    }

    /** The type of a payload. Every payload record has exactly one type (checked by a test). */
    public static EventType of(EventPayload payload) {
        return BY_CLASS.get(payload.getClass());
    }

    /** The type with this wire name; an unknown name is an {@link UnknownEventTypeException}. */
    @JsonCreator
    public static EventType fromWireName(String wireName) {
        EventType type = BY_WIRE_NAME.get(wireName);
        if (type == null) {
            throw new UnknownEventTypeException(wireName);
        }
        return type;
    }
}
