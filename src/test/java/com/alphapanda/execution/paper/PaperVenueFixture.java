package com.alphapanda.execution.paper;

import com.alphapanda.core.event.MarketTick;
import com.alphapanda.core.event.OrderEvent;
import com.alphapanda.core.event.OrderFailed;
import com.alphapanda.core.event.OrderFilled;
import com.alphapanda.core.event.OrderInstruction;
import com.alphapanda.core.event.OrderType;
import com.alphapanda.core.event.SignalType;
import com.alphapanda.core.event.TimeInForce;
import com.alphapanda.core.id.EventId;
import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.core.id.StrategyId;
import com.alphapanda.core.money.Price;
import com.alphapanda.core.money.Quantity;
import com.alphapanda.execution.OrderRequest;
import com.alphapanda.instrument.NseCalendar;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/** Builds venues, requests and ticks for the paper venue tests (Thursday 26 Nov 2026, 10:30 IST). */
final class PaperVenueFixture {

    static final InstrumentToken RELIANCE = InstrumentToken.of(738561);
    static final InstrumentToken INFY = InstrumentToken.of(408065);
    static final StrategyId STRATEGY = StrategyId.of("s1");
    static final Instant T0 = Instant.parse("2026-11-26T05:00:00Z");
    static final NseCalendar CALENDAR = new NseCalendar(Set.of());

    final List<List<VenueRecord>> journal = new ArrayList<>();
    private final AtomicLong ids = new AtomicLong();
    final PaperSettings settings;
    final PaperVenue venue;

    PaperVenueFixture(PaperSettings settings) {
        this.settings = settings;
        this.venue = new PaperVenue(settings, CALENDAR, () -> "id-" + ids.incrementAndGet());
    }

    PaperVenueFixture() {
        this(PaperSettings.defaults());
    }

    static OrderInstruction instruction(OrderType type, TimeInForce tif, String limit, String stop) {
        return new OrderInstruction(type, tif, limit == null ? null : Price.of(limit),
                stop == null ? null : Price.of(stop), null);
    }

    static OrderRequest request(SignalType side, long qty, String ref, OrderInstruction instruction, Instant at) {
        return new OrderRequest(EventId.next(), STRATEGY, RELIANCE, side, Quantity.of(qty),
                ref == null ? null : Price.of(ref), instruction, at);
    }

    List<OrderEvent> place(OrderRequest request) {
        List<VenueRecord> records = venue.placeRecorded(request);
        journal.add(records);
        return PaperVenue.events(records);
    }

    List<OrderEvent> tick(InstrumentToken token, String price, Instant at) {
        List<VenueRecord> records = venue.onTick(MarketTick.ltp(token, Price.of(price), at));
        journal.add(records);
        return PaperVenue.events(records);
    }

    List<OrderEvent> tick(String price, Instant at) {
        return tick(RELIANCE, price, at);
    }

    /** A fresh venue rebuilt from everything this one recorded. */
    PaperVenue rebuilt() {
        PaperVenue fresh = new PaperVenue(settings, CALENDAR, () -> "rebuilt-" + ids.incrementAndGet());
        journal.forEach(records -> records.forEach(fresh::replay));
        fresh.finishReplay();
        return fresh;
    }

    static List<OrderFilled> fills(List<OrderEvent> events) {
        return events.stream().filter(OrderFilled.class::isInstance).map(OrderFilled.class::cast).toList();
    }

    static List<OrderFailed> failures(List<OrderEvent> events) {
        return events.stream().filter(OrderFailed.class::isInstance).map(OrderFailed.class::cast).toList();
    }

    static BigDecimal d(String value) {
        return new BigDecimal(value);
    }
}
