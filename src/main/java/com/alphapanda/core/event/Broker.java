package com.alphapanda.core.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** A trading venue. Each broker's topics, consumer state, cache keys and tables are isolated from the other's. */
public enum Broker {
    /** The simulated venue: fills modelled from market data. */
    PAPER,
    /** Zerodha Kite Connect: real orders. */
    ZERODHA;

    /** The lower-case id used in topic names, keys, JSON and configuration ({@code paper}, {@code zerodha}). */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a broker id case-insensitively, naming the allowed values when it is unknown. */
    @JsonCreator
    public static Broker fromId(String id) {
        return Arrays.stream(values())
                .filter(b -> b.id().equalsIgnoreCase(id == null ? "" : id.trim()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown broker '" + id + "' (allowed: " + allowedIds() + ")"));
    }

    public static String allowedIds() {
        return Arrays.stream(values()).map(Broker::id).collect(Collectors.joining(", "));
    }
}
