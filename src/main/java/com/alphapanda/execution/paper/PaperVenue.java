package com.alphapanda.execution.paper;

import com.alphapanda.core.event.Broker;
import com.alphapanda.core.event.MarketTick;
import com.alphapanda.core.event.OrderEvent;
import com.alphapanda.core.event.OrderFailed;
import com.alphapanda.core.event.OrderFilled;
import com.alphapanda.core.event.OrderInstruction;
import com.alphapanda.core.event.OrderSubmitted;
import com.alphapanda.core.event.OrderType;
import com.alphapanda.core.event.SignalType;
import com.alphapanda.core.event.TimeInForce;
import com.alphapanda.core.id.EventId;
import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.core.money.Money;
import com.alphapanda.core.money.Price;
import com.alphapanda.core.money.Quantity;
import com.alphapanda.execution.BrokerGateway;
import com.alphapanda.execution.BrokerOrder;
import com.alphapanda.execution.OrderRequest;
import com.alphapanda.instrument.NseCalendar;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * The simulated venue, pure and deterministic for a given id supplier: market, limit, stop and stop-limit orders
 * with DAY/IOC/FOK, resting orders matched on later ticks (by event time), DAY expiry at the session close, partial
 * fills from a seeded RNG, brackets, guardrails, cash and holdings per strategy. Its state is rebuilt by
 * {@link #replay replaying} its records. Not thread-safe: one owner.
 */
final class PaperVenue implements BrokerGateway {

    private final PaperSettings settings;
    private final FillSimulator simulator;
    private final NseCalendar calendar;
    private final Supplier<String> ids;
    private final Map<String, PaperOrder> orders = new HashMap<>();
    private final Map<EventId, PaperOrder> bySignal = new HashMap<>();
    private final Map<String, PaperAccount> accounts = new HashMap<>();
    private final Map<String, PaperOrder> resting = new LinkedHashMap<>();
    private final Map<String, PaperBracket> brackets = new LinkedHashMap<>();
    private final Map<InstrumentToken, BigDecimal> lastPrices = new HashMap<>();
    private final Map<InstrumentToken, Instant> lastPriceTimes = new HashMap<>();
    /** Orders and accounts changed since the last {@link #drainChanges}, for the engine to write durably. */
    private final Map<String, PaperOrder> changedOrders = new LinkedHashMap<>();
    private final java.util.Set<String> changedAccounts = new java.util.TreeSet<>();

    PaperVenue(PaperSettings settings, NseCalendar calendar, Supplier<String> ids) {
        this.settings = settings;
        this.simulator = new FillSimulator(settings);
        this.calendar = calendar;
        this.ids = ids;
    }

    @Override
    public Broker broker() {
        return Broker.PAPER;
    }

    @Override
    public List<OrderEvent> place(OrderRequest request) {
        return events(placeRecorded(request));
    }

    @Override
    public List<OrderEvent> cancel(String orderId, Instant at) {
        return events(cancelRecorded(orderId, "Cancelled", at));
    }

    /** The records of cancelling an order: its {@code CANCELLED} failure, or none when it is not working. */
    List<VenueRecord> cancelRecorded(String orderId, String message, Instant at) {
        PaperOrder order = orders.get(orderId);
        List<VenueRecord> out = new ArrayList<>();
        if (order != null && order.status.isWorking()) {
            fail(order, "CANCELLED", message, at, out);
        }
        return out;
    }

    /** The order with this id, if the venue knows it. */
    Optional<BrokerOrder> order(String orderId) {
        return Optional.ofNullable(orders.get(orderId)).map(PaperOrder::view);
    }

    @Override
    public Optional<BrokerOrder> findBySignal(EventId signalId) {
        return Optional.ofNullable(bySignal.get(signalId)).map(PaperOrder::view);
    }

    @Override
    public List<BrokerOrder> openOrders() {
        return resting.values().stream().map(PaperOrder::view).toList();
    }

    /** The records of placing an order (none when the signal was placed before). */
    List<VenueRecord> placeRecorded(OrderRequest request) {
        if (bySignal.containsKey(request.signalId())) {
            return List.of();
        }
        List<VenueRecord> out = new ArrayList<>();
        expireDue(request.eventTime(), out);
        PaperOrder order = new PaperOrder(ids.get(), request.signalId(), request.strategyId(),
                request.instrumentToken(), request.side(), request.quantity().value(), request.referencePrice(),
                request.instruction(), request.eventTime(), expiry(request.eventTime()), PaperOrder.Role.ENTRY);
        register(order);
        out.add(new VenueRecord.Emitted(submitted(order)));
        BigDecimal market = marketFor(request);
        Optional<FillSimulator.Failure> refused = simulator.guardrails(order, market);
        if (refused.isPresent()) {
            fail(order, refused.get().code(), refused.get().message(), request.eventTime(), out);
            return out;
        }
        work(order, market, request.eventTime(), seeded(request.signalId()), true, out);
        return out;
    }

    /**
     * The market an arriving order meets: the price as of the order's event time, i.e. its reference price (the tick
     * its signal was decided on) — never a newer tick the venue's tick reader happens to have read already, so a fill
     * is the same at any replay speed and after a restart; an order without one (an operator's flatten) meets the
     * venue's last tick; with neither, none.
     */
    private BigDecimal marketFor(OrderRequest request) {
        return request.referencePrice() != null ? request.referencePrice().value()
                : lastPrices.get(request.instrumentToken());
    }

    /** The records a tick causes: expiries, resting orders filling or triggering, bracket exits. */
    List<VenueRecord> onTick(MarketTick tick) {
        return onTick(tick, -1);
    }

    /**
     * The records a tick read at {@code offset} of its partition causes (-1: no offset); an order or bracket whose
     * {@link PaperOrder#tickOffset} is at or past that offset has been matched against it already and is skipped.
     */
    List<VenueRecord> onTick(MarketTick tick, long offset) {
        InstrumentToken token = tick.instrumentToken();
        Instant at = tick.timestamp();
        see(tick);
        if (resting.isEmpty() && brackets.isEmpty()) {
            return List.of(); // nothing to match, trigger or expire: the common case, kept allocation-free
        }
        List<VenueRecord> out = new ArrayList<>();
        expireDue(at, out);
        BigDecimal price = tick.lastPrice().value();
        Predicate<PaperOrder> unseen = o -> o.token.equals(token) && (offset < 0 || offset > o.tickOffset);
        List<PaperOrder> matching = resting.values().stream().filter(unseen).toList();
        List<PaperBracket> exiting = brackets.values().stream().filter(b -> unseen.test(b.entry())).toList();
        for (PaperOrder order : matching) {
            if (at.isAfter(order.placedAt) && order.status.isWorking()) {
                work(order, price, at, new SplittableRandom(order.orderId.hashCode() * 31L + order.filled), false, out);
            }
        }
        exitBrackets(exiting, token, price, at, out);
        if (offset >= 0) {
            matching.forEach(o -> o.tickOffset = offset);
            exiting.forEach(b -> b.entry().tickOffset = offset);
        }
        return out;
    }

    /** Takes the tick's price as the instrument's last unless a later tick was seen; nothing is matched. */
    void see(MarketTick tick) {
        Instant seen = lastPriceTimes.get(tick.instrumentToken());
        if (seen == null || !tick.timestamp().isBefore(seen)) {
            lastPrices.put(tick.instrumentToken(), tick.lastPrice().value());
            lastPriceTimes.put(tick.instrumentToken(), tick.timestamp());
        }
    }

    /** Applies a recorded record while rebuilding (nothing is emitted). */
    void replay(VenueRecord record) {
        switch (record) {
            case VenueRecord.StopTriggered t -> orders.get(t.orderId()).triggered = true;
            case VenueRecord.Emitted e -> replay(e.event());
        }
    }

    /** Ends a rebuild: working orders rest again. */
    void finishReplay() {
        resting.clear();
        orders.values().stream().filter(o -> o.status.isWorking() && o.role == PaperOrder.Role.ENTRY)
                .sorted(java.util.Comparator.comparing((PaperOrder o) -> o.placedAt))
                .forEach(o -> resting.put(o.orderId, o));
        changedOrders.clear();
        changedAccounts.clear();
    }

    /** The orders and accounts changed since the last call (the engine writes them durably), and forgets them. */
    Changes drainChanges() {
        Changes changes = new Changes(List.copyOf(changedOrders.values()), Set.copyOf(changedAccounts));
        changedOrders.clear();
        changedAccounts.clear();
        return changes;
    }

    /** Changed orders and the strategies whose account changed. */
    record Changes(List<PaperOrder> orders, Set<String> accounts) {
    }

    /** Whether the bracket of this entry order is armed. */
    boolean bracketLive(String orderId) {
        return brackets.containsKey(orderId);
    }

    /** Puts back an order read from durable state: a working entry rests again, a live bracket is armed again. */
    void restore(PaperOrder order, boolean bracketLive) {
        orders.put(order.orderId, order);
        if (order.role == PaperOrder.Role.ENTRY) {
            bySignal.put(order.signalId, order);
            if (order.status.isWorking()) {
                resting.put(order.orderId, order);
            }
        }
        PaperBracket bracket = bracketLive ? PaperBracket.of(order, settings.tickSize()) : null;
        if (bracket != null) {
            brackets.put(order.orderId, bracket);
        }
    }

    /** Replaces a strategy's account with its durable state. */
    void restoreAccount(String strategyId, BigDecimal cash, Map<InstrumentToken, Long> holdings) {
        accounts.put(strategyId, new PaperAccount(cash, holdings));
    }

    /** A strategy's account as it is in memory (starting cash when it never traded here). */
    PaperAccount accountOf(String strategyId) {
        return account(strategyId);
    }

    /** Forgets the orders {@code which} selects (those of a revoked partition), with their resting and bracket. */
    void forget(Predicate<PaperOrder> which) {
        List<PaperOrder> gone = orders.values().stream().filter(which).toList();
        for (PaperOrder order : gone) {
            orders.remove(order.orderId);
            resting.remove(order.orderId);
            brackets.remove(order.orderId);
            if (order.role == PaperOrder.Role.ENTRY) {
                bySignal.remove(order.signalId);
            }
            changedOrders.remove(order.orderId);
        }
    }

    /** Forgets everything but the last prices (durable state is read again). */
    void forgetState() {
        forget(o -> true);
        accounts.clear();
        changedAccounts.clear();
    }

    /** Forgets finished orders (not working and without a live bracket): their durable rows keep them. */
    void prune() {
        forget(o -> !o.status.isWorking() && !brackets.containsKey(o.orderId));
    }

    /** The strategies with a working order or a live bracket on one of these instruments. */
    Set<String> strategiesTrading(Set<InstrumentToken> tokens) {
        Set<String> strategies = new java.util.TreeSet<>();
        resting.values().stream().filter(o -> tokens.contains(o.token)).forEach(o -> strategies.add(o.strategyId.value()));
        brackets.values().stream().filter(b -> tokens.contains(b.entry().token))
                .forEach(b -> strategies.add(b.entry().strategyId.value()));
        return strategies;
    }

    /** Whether the order with this id is here (working, or with an armed bracket). */
    boolean holds(String orderId) {
        PaperOrder order = orders.get(orderId);
        return order != null && (order.status.isWorking() || brackets.containsKey(orderId));
    }

    /** The order with this id (it must be here). */
    PaperOrder orderById(String orderId) {
        return orders.get(orderId);
    }

    /** Every order known here. */
    List<PaperOrder> allOrders() {
        return List.copyOf(orders.values());
    }

    /** The strategies with an account here. */
    Set<String> accountIds() {
        return Set.copyOf(accounts.keySet());
    }

    /** The working orders and armed brackets matched at least {@code ticks} offsets past what their rows hold. */
    List<PaperOrder> tickOffsetsBehind(long ticks) {
        List<PaperOrder> behind = new ArrayList<>();
        resting.values().stream().filter(o -> o.tickOffset - o.storedTickOffset >= ticks).forEach(behind::add);
        brackets.values().stream().map(PaperBracket::entry)
                .filter(o -> !resting.containsKey(o.orderId) && o.tickOffset - o.storedTickOffset >= ticks)
                .forEach(behind::add);
        return behind;
    }

    /** Whether there is nothing working here (no resting order, no live bracket). */
    boolean idle() {
        return resting.isEmpty() && brackets.isEmpty();
    }

    BigDecimal cash(String strategyId) {
        return account(strategyId).cash();
    }

    long held(String strategyId, InstrumentToken token) {
        return account(strategyId).held(token);
    }

    private void replay(OrderEvent event) {
        switch (event) {
            case OrderSubmitted s -> {
                PaperOrder entry = bySignal.get(s.signalId());
                if (entry != null) {
                    brackets.remove(entry.orderId);
                }
                register(new PaperOrder(s.orderId(), s.signalId(), s.strategyId(), s.instrumentToken(), s.side(),
                        s.quantity().value(), entry == null ? s.price() : null, s.instruction(), s.timestamp(),
                        expiry(s.timestamp()), entry == null ? PaperOrder.Role.ENTRY : PaperOrder.Role.EXIT));
            }
            case OrderFilled f -> {
                PaperOrder order = orders.get(f.orderId());
                applyFill(order, f.quantity().value(), f.fillPrice().value(), f.fees().value(), f.timestamp());
                armBracket(order);
            }
            case OrderFailed f -> orders.get(f.orderId()).status = statusOf(f.reasonCode());
        }
    }

    private void work(PaperOrder order, BigDecimal market, Instant at, SplittableRandom rng, boolean arrival,
                      List<VenueRecord> out) {
        TimeInForce tif = order.instruction.tif();
        boolean stop = order.type() == OrderType.STOP || order.type() == OrderType.STOP_LIMIT;
        if (stop && !order.triggered) {
            if (!FillSimulator.stopTriggered(order, market)) {
                restOrFail(order, tif, "STOP_NOT_TRIGGERED", "Stop not triggered for IOC/FOK", at, out);
                return;
            }
            order.triggered = true;
            changed(order);
            out.add(new VenueRecord.StopTriggered(order.orderId, at));
        }
        if (order.actsAsLimit() && !FillSimulator.crosses(order, market)) {
            if (arrival && order.type() == OrderType.STOP_LIMIT) {
                restOrFail(order, tif, "STOP_LIMIT_NOT_CROSSING", "Stop-limit not crossing", at, out);
            } else if (arrival && tif == TimeInForce.FOK) {
                fail(order, "FOK_NOT_FILLABLE", "FOK not fully fillable", at, out);
            } else {
                restOrFail(order, tif, "IOC_NO_FILL", "IOC no immediate fill available", at, out);
            }
            return;
        }
        execute(order, market, at, rng, arrival, out);
    }

    private void execute(PaperOrder order, BigDecimal market, Instant at, SplittableRandom rng, boolean arrival,
                         List<VenueRecord> out) {
        BigDecimal price = simulator.executionPrice(order, market);
        FillSimulator.Sizing sizing = simulator.size(order, price, account(order.strategyId.value()));
        if (sizing.failure() != null) {
            fail(order, sizing.failure().code(), sizing.failure().message(), at, out);
            return;
        }
        List<Long> parts = simulator.split(sizing.quantity(), rng);
        Instant fillTime = at.plus(settings.latency());
        for (long part : arrival ? parts : parts.subList(0, 1)) {
            fill(order, part, price, fillTime, out);
        }
        armBracket(order);
        if (order.remaining() == 0) {
            resting.remove(order.orderId);
        } else if (order.instruction.tif() == TimeInForce.IOC) {
            fail(order, "IOC_REMAINDER_CANCELLED", "IOC remainder cancelled", at, out);
        } else {
            resting.put(order.orderId, order);
        }
    }

    private void restOrFail(PaperOrder order, TimeInForce tif, String code, String message, Instant at,
                            List<VenueRecord> out) {
        if (tif == TimeInForce.DAY) {
            resting.put(order.orderId, order);
        } else {
            fail(order, code, message, at, out);
        }
    }

    private void exitBrackets(List<PaperBracket> candidates, InstrumentToken token, BigDecimal price, Instant at,
                              List<VenueRecord> out) {
        for (PaperBracket bracket : candidates) {
            PaperOrder entry = bracket.entry();
            if (!at.isAfter(bracket.armedAt()) || brackets.get(entry.orderId) != bracket) {
                continue;
            }
            long held = account(entry.strategyId.value()).held(token);
            BigDecimal level = bracket.exitLevel(price);
            if (held <= 0 || level != null) {
                brackets.remove(entry.orderId);
                changed(entry);
            }
            if (held > 0 && level != null) {
                BigDecimal fillPrice = bracket.isTakeProfit(level) ? level
                        : simulator.marketPrice(SignalType.SELL, price);
                exit(bracket, Math.min(bracket.quantity(), held), level, fillPrice, at, out);
            }
        }
    }

    private void exit(PaperBracket bracket, long quantity, BigDecimal level, BigDecimal fillPrice, Instant at,
                      List<VenueRecord> out) {
        PaperOrder entry = bracket.entry();
        OrderInstruction instruction = bracket.isTakeProfit(level)
                ? new OrderInstruction(OrderType.LIMIT, TimeInForce.IOC, Price.of(level), null, null)
                : new OrderInstruction(OrderType.STOP, TimeInForce.IOC, null, Price.of(level), null);
        PaperOrder exit = new PaperOrder(ids.get(), entry.signalId, entry.strategyId, entry.token, SignalType.SELL,
                quantity, Price.of(level), instruction, at, at, PaperOrder.Role.EXIT);
        exit.partition = entry.partition;
        orders.put(exit.orderId, exit);
        changed(exit);
        out.add(new VenueRecord.Emitted(submitted(exit)));
        fill(exit, quantity, fillPrice, at.plus(settings.latency()), out);
    }

    private void fill(PaperOrder order, long quantity, BigDecimal price, Instant at, List<VenueRecord> out) {
        BigDecimal fees = settings.charges().feesFor(order.side, quantity, price);
        applyFill(order, quantity, price, fees, at);
        out.add(new VenueRecord.Emitted(new OrderFilled(order.orderId, ids.get(), order.strategyId, order.token,
                order.side, Quantity.of(quantity), Price.of(price), Money.of(fees), at)));
    }

    private void applyFill(PaperOrder order, long quantity, BigDecimal price, BigDecimal fees, Instant at) {
        account(order.strategyId.value()).apply(order.token, order.side, quantity, price, fees);
        changedAccounts.add(order.strategyId.value());
        order.recordFill(quantity, price, at);
        changed(order);
    }

    private void armBracket(PaperOrder order) {
        PaperBracket bracket = PaperBracket.of(order, settings.tickSize());
        if (bracket != null) {
            brackets.put(order.orderId, bracket);
            changed(order);
        }
    }

    private void fail(PaperOrder order, String code, String message, Instant at, List<VenueRecord> out) {
        order.status = statusOf(code);
        resting.remove(order.orderId);
        changed(order);
        out.add(new VenueRecord.Emitted(new OrderFailed(order.orderId, order.strategyId, order.token, order.side,
                Quantity.of(order.remaining()), order.announcedPrice(), code, message, at)));
    }

    private void expireDue(Instant now, List<VenueRecord> out) {
        for (PaperOrder order : List.copyOf(resting.values())) {
            if (!now.isBefore(order.expiresAt)) {
                fail(order, "EXPIRED", "DAY order expired at session close " + order.expiresAt, order.expiresAt, out);
            }
        }
    }

    /** DAY orders expire at the close of their trading day, or of the next one when placed after the close. */
    private Instant expiry(Instant placedAt) {
        var date = calendar.tradingDate(placedAt);
        if (calendar.isTradingDay(date) && !placedAt.isAfter(calendar.sessionClose(date))) {
            return calendar.sessionClose(date);
        }
        return calendar.sessionClose(calendar.tradingDate(calendar.nextSessionOpen(placedAt)));
    }

    private void register(PaperOrder order) {
        orders.put(order.orderId, order);
        changed(order);
        if (order.role == PaperOrder.Role.ENTRY) {
            bySignal.put(order.signalId, order);
        }
    }

    private void changed(PaperOrder order) {
        changedOrders.put(order.orderId, order);
    }

    private PaperAccount account(String strategyId) {
        return accounts.computeIfAbsent(strategyId, id -> new PaperAccount(settings.startingCashOf(id)));
    }

    private static OrderSubmitted submitted(PaperOrder order) {
        return new OrderSubmitted(order.orderId, order.signalId, order.strategyId, order.token, order.side,
                Quantity.of(order.quantity), order.announcedPrice(), order.instruction, order.placedAt);
    }

    private static BrokerOrder.Status statusOf(String reasonCode) {
        return switch (reasonCode) {
            case "EXPIRED" -> BrokerOrder.Status.EXPIRED;
            case "CANCELLED", "IOC_REMAINDER_CANCELLED" -> BrokerOrder.Status.CANCELLED;
            default -> BrokerOrder.Status.FAILED;
        };
    }

    private static SplittableRandom seeded(EventId signalId) {
        return new SplittableRandom(signalId.value().getMostSignificantBits() ^ signalId.value().getLeastSignificantBits());
    }

    static List<OrderEvent> events(List<VenueRecord> records) {
        return records.stream().filter(r -> r instanceof VenueRecord.Emitted)
                .map(r -> ((VenueRecord.Emitted) r).event()).toList();
    }
}
