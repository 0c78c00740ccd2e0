package com.alphapanda.portfolio;

import com.alphapanda.core.id.InstrumentToken;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The last traded price per instrument by event time; an older tick arriving late does not replace a newer one. */
class LastPrices {

    record Mark(BigDecimal price, Instant at) {
    }

    private final Map<InstrumentToken, Mark> marks = new ConcurrentHashMap<>();

    /** Records a tick's price; returns whether it became the instrument's mark. */
    boolean update(InstrumentToken token, BigDecimal price, Instant at) {
        Mark next = new Mark(price, at);
        Mark result = marks.merge(token, next, (old, candidate) -> candidate.at().isBefore(old.at()) ? old : candidate);
        return result == next;
    }

    Optional<Mark> of(InstrumentToken token) {
        return Optional.ofNullable(marks.get(token));
    }

    Map<InstrumentToken, Mark> snapshot() {
        return Map.copyOf(marks);
    }
}
