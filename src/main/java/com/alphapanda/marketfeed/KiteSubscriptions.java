package com.alphapanda.marketfeed;

import com.alphapanda.core.event.MarketTick;
import com.alphapanda.core.id.InstrumentToken;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The instruments one KiteTicker connection carries and each one's mode, and the JSON messages that establish them
 * ({@code {"a":"subscribe","v":[...]}}, {@code {"a":"mode","v":["full",[...]]}}, {@code {"a":"unsubscribe",...}}),
 * at most {@code batchSize} tokens per message. After a reconnect {@link #restore()} subscribes everything again and
 * restores each instrument's mode.
 */
final class KiteSubscriptions {

    static final int MAX_PER_CONNECTION = 3000;

    private final Map<InstrumentToken, MarketTick.TickMode> modes = new LinkedHashMap<>();
    private final int batchSize;

    KiteSubscriptions(int batchSize) {
        this.batchSize = batchSize;
    }

    synchronized List<String> subscribe(List<InstrumentToken> tokens, MarketTick.TickMode mode) {
        List<InstrumentToken> fresh = tokens.stream().filter(t -> !modes.containsKey(t)).distinct().toList();
        if (modes.size() + fresh.size() > MAX_PER_CONNECTION) {
            throw new IllegalArgumentException("a KiteTicker connection carries at most " + MAX_PER_CONNECTION
                    + " instruments; " + (modes.size() + fresh.size()) + " requested");
        }
        tokens.forEach(t -> modes.put(t, mode));
        List<String> messages = new ArrayList<>(batches("subscribe", null, tokens));
        messages.addAll(batches("mode", mode, tokens));
        return messages;
    }

    synchronized List<String> unsubscribe(List<InstrumentToken> tokens) {
        tokens.forEach(modes::remove);
        return batches("unsubscribe", null, tokens);
    }

    synchronized List<String> mode(List<InstrumentToken> tokens, MarketTick.TickMode mode) {
        List<InstrumentToken> known = tokens.stream().filter(modes::containsKey).toList();
        known.forEach(t -> modes.put(t, mode));
        return batches("mode", mode, known);
    }

    /** The messages that bring a fresh connection to this state. */
    synchronized List<String> restore() {
        List<String> messages = new ArrayList<>(batches("subscribe", null, List.copyOf(modes.keySet())));
        Map<MarketTick.TickMode, List<InstrumentToken>> byMode = modes.entrySet().stream().collect(
                Collectors.groupingBy(Map.Entry::getValue, LinkedHashMap::new,
                        Collectors.mapping(Map.Entry::getKey, Collectors.toList())));
        byMode.forEach((mode, tokens) -> messages.addAll(batches("mode", mode, tokens)));
        return messages;
    }

    synchronized Map<InstrumentToken, MarketTick.TickMode> modes() {
        return Map.copyOf(modes);
    }

    private List<String> batches(String action, MarketTick.TickMode mode, List<InstrumentToken> tokens) {
        List<String> messages = new ArrayList<>();
        for (int from = 0; from < tokens.size(); from += batchSize) {
            String list = tokens.subList(from, Math.min(tokens.size(), from + batchSize)).stream()
                    .map(t -> Long.toString(t.value())).collect(Collectors.joining(",", "[", "]"));
            String value = mode == null ? list : "[\"" + mode.name().toLowerCase(Locale.ROOT) + "\"," + list + "]";
            messages.add("{\"a\":\"" + action + "\",\"v\":" + value + "}");
        }
        return messages;
    }
}
