package com.alphapanda.risk;

import com.alphapanda.core.event.MarketTick;
import com.alphapanda.core.id.InstrumentToken;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The last tick price per instrument by event time (a late, older tick does not replace a newer one). */
final class LastTickPrices {

    private record Mark(BigDecimal price, Instant at) {
    }

    private final Map<InstrumentToken, Mark> marks = new ConcurrentHashMap<>();

    void update(MarketTick tick) {
        Mark next = new Mark(tick.lastPrice().value(), tick.timestamp());
        marks.merge(tick.instrumentToken(), next, (old, candidate) -> candidate.at().isBefore(old.at()) ? old : candidate);
    }

    /** The last price, or null when no tick has been seen. */
    BigDecimal of(InstrumentToken token) {
        Mark mark = marks.get(token);
        return mark == null ? null : mark.price();
    }
}
