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

    private static final int STORED_SCALE = 10;

    private final Map<InstrumentToken, Mark> marks = new ConcurrentHashMap<>();

    /** Records a tick's price; returns whether it became the instrument's mark. */
    boolean update(InstrumentToken token, BigDecimal price, Instant at) {
        // at the scale of positions.last_price, so that a mark reads the same from memory and from the database
        Mark next = new Mark(price.scale() < STORED_SCALE ? price.setScale(STORED_SCALE) : price, at);
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
