package com.alphapanda.core.event;

import com.fasterxml.jackson.annotation.JsonValue;

/** Order types the trading engines support. Written as the reference's lower-case names. */
public enum OrderType {
    MARKET, LIMIT, STOP, STOP_LIMIT;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
