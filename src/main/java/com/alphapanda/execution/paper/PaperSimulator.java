package com.alphapanda.execution.paper;

import com.alphapanda.core.event.MarketTick;
import com.alphapanda.core.event.OrderEvent;
import com.alphapanda.core.event.ValidatedSignal;
import com.alphapanda.core.id.EventId;
import com.alphapanda.execution.OrderRequest;
import com.alphapanda.instrument.NseCalendar;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Supplier;

/**
 * The paper venue in-process, without Kafka or its journal: the backtester's venue. It is the same
 * {@link PaperVenue} (execution model, guardrails, charges, brackets, expiry) the live paper broker runs; order and
 * fill ids come from the given supplier, so a backtest is deterministic. Not thread-safe: one owner.
 */
public final class PaperSimulator {

    private final PaperVenue venue;

    public PaperSimulator(PaperTradingProperties properties, NseCalendar calendar, Supplier<String> ids) {
        this.venue = new PaperVenue(properties.settings(), calendar, ids);
    }

    /** The order events of placing the order of a validated signal published with id {@code signalId}. */
    public List<OrderEvent> place(EventId signalId, ValidatedSignal validated) {
        return venue.place(OrderRequest.of(signalId, validated));
    }

    /** The order events a tick causes: resting orders filling, stops triggering, bracket exits, DAY expiries. */
    public List<OrderEvent> onTick(MarketTick tick) {
        List<VenueRecord> records = venue.onTick(tick);
        return records.isEmpty() ? List.of() : PaperVenue.events(records);
    }

    /** The venue's own cash of a strategy (its book, kept apart from the portfolio's). */
    public BigDecimal cash(String strategyId) {
        return venue.cash(strategyId);
    }
}
