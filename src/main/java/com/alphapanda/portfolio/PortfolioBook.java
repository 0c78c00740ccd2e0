package com.alphapanda.portfolio;

import com.alphapanda.core.event.Broker;
import com.alphapanda.core.event.MarketTick;
import com.alphapanda.core.event.OrderFilled;
import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.core.id.StrategyId;
import com.alphapanda.instrument.NseCalendar;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The fills ledger in memory, for the backtester: the same accounting as the PostgreSQL ledger ({@link Position}'s
 * average-cost method, {@link Position#cashFlow} for cash, fees per position and account) and the same valuation as
 * the read model ({@link PortfolioValuation}), without a database. It answers the risk manager's
 * {@link PortfolioQueries} like the ledger does. Fills are applied in the order given (the backtest's event order);
 * there is no redelivery in-process, so no de-duplication. Not thread-safe: one owner.
 */
public final class PortfolioBook implements PortfolioQueries {

    private final Function<StrategyId, BigDecimal> startingCash;
    private final NseCalendar calendar;
    private final Map<PortfolioKey, Account> accounts = new HashMap<>();
    private final Map<InstrumentToken, BigDecimal> marks = new HashMap<>();
    private final Map<InstrumentToken, Instant> markTimes = new HashMap<>();

    public PortfolioBook(Function<StrategyId, BigDecimal> startingCash, NseCalendar calendar) {
        this.startingCash = startingCash;
        this.calendar = calendar;
    }

    /** Applies a fill; returns the PnL it realized (gross of fees, zero for a fill that opens or adds). */
    public BigDecimal apply(Broker broker, OrderFilled fill) {
        Account account = account(new PortfolioKey(broker, fill.strategyId()));
        long qty = fill.quantity().value();
        BigDecimal price = fill.fillPrice().value();
        BigDecimal fees = fill.fees().value();
        Slot slot = account.positions.computeIfAbsent(fill.instrumentToken().value(), t -> new Slot());
        Position.Applied applied = slot.position.apply(fill.side(), qty, price);
        slot.position = applied.position();
        slot.fees = slot.fees.add(fees);
        account.cash = account.cash.add(Position.cashFlow(fill.side(), qty, price, fees));
        account.fees = account.fees.add(fees);
        account.fillCount++;
        account.lastFillId = fill.fillId();
        LocalDate date = calendar.tradingDate(fill.timestamp());
        if (!date.equals(account.day)) {
            account.day = date;
            account.dayRealized = BigDecimal.ZERO;
        }
        account.dayRealized = account.dayRealized.add(applied.realizedDelta());
        return applied.realizedDelta();
    }

    /** The signed position quantity of a portfolio in an instrument (0 when flat or unknown). */
    public long quantity(Broker broker, StrategyId strategyId, InstrumentToken token) {
        Account account = accounts.get(new PortfolioKey(broker, strategyId));
        Slot slot = account == null ? null : account.positions.get(token.value());
        return slot == null ? 0 : slot.position.quantity();
    }

    /** Records a tick's price as its instrument's mark (an older tick does not replace a newer one). */
    public void mark(MarketTick tick) {
        Instant seen = markTimes.get(tick.instrumentToken());
        if (seen == null || !tick.timestamp().isBefore(seen)) {
            marks.put(tick.instrumentToken(), tick.lastPrice().value());
            markTimes.put(tick.instrumentToken(), tick.timestamp());
        }
    }

    /** Cash + the open positions at their marks (no view built: cheap enough to sample often). */
    public BigDecimal equity(Broker broker, StrategyId strategyId) {
        Account account = account(new PortfolioKey(broker, strategyId));
        BigDecimal total = account.cash;
        for (var entry : account.positions.entrySet()) {
            Position p = entry.getValue().position;
            if (p.quantity() != 0) {
                BigDecimal mark = marks.get(InstrumentToken.of(entry.getKey()));
                total = total.add(p.marketValueAt(mark != null ? mark : p.averagePrice()));
            }
        }
        return total;
    }

    /** The gross value of the open positions at their marks (Σ |quantity| × mark). */
    public BigDecimal grossExposure(Broker broker, StrategyId strategyId) {
        BigDecimal total = BigDecimal.ZERO;
        for (var entry : account(new PortfolioKey(broker, strategyId)).positions.entrySet()) {
            Position p = entry.getValue().position;
            if (p.quantity() != 0) {
                BigDecimal mark = marks.get(InstrumentToken.of(entry.getKey()));
                total = total.add(p.marketValueAt(mark != null ? mark : p.averagePrice()).abs());
            }
        }
        return total;
    }

    /** The portfolio as the read model shows it, valued at the current marks, stamped {@code at}. */
    public PortfolioView view(Broker broker, StrategyId strategyId, Instant at) {
        PortfolioKey key = new PortfolioKey(broker, strategyId);
        Account account = account(key);
        List<PortfolioView.PositionView> positions = new ArrayList<>();
        account.positions.forEach((token, slot) -> positions.add(PortfolioValuation.position(
                InstrumentToken.of(token), slot.position, marks.get(InstrumentToken.of(token)), slot.fees)));
        return PortfolioValuation.view(key, account.startingCash, account.cash, account.fees, account.fillCount,
                account.lastFillId, positions, at);
    }

    @Override
    public Map<InstrumentToken, Holding> holdings(Broker broker, StrategyId strategyId) {
        Account account = accounts.get(new PortfolioKey(broker, strategyId));
        if (account == null) {
            return Map.of();
        }
        Map<InstrumentToken, Holding> open = new LinkedHashMap<>();
        account.positions.forEach((token, slot) -> {
            if (slot.position.quantity() != 0) {
                open.put(InstrumentToken.of(token), new Holding(slot.position.quantity(), slot.position.costBasis()));
            }
        });
        return open;
    }

    @Override
    public BigDecimal realizedOn(Broker broker, StrategyId strategyId, LocalDate tradeDate) {
        Account account = accounts.get(new PortfolioKey(broker, strategyId));
        return account != null && tradeDate.equals(account.day) ? account.dayRealized : BigDecimal.ZERO;
    }

    /**
     * Open positions over every broker of the book; resting orders are the paper venue's, not the book's, so they
     * count 0 here.
     */
    @Override
    public Exposure openExposure(StrategyId strategyId) {
        int open = 0;
        for (var entry : accounts.entrySet()) {
            if (entry.getKey().strategyId().equals(strategyId)) {
                open += (int) entry.getValue().positions.values().stream()
                        .filter(slot -> slot.position.quantity() != 0).count();
            }
        }
        return new Exposure(open, 0);
    }

    @Override
    public BigDecimal startingCash(Broker broker, StrategyId strategyId) {
        return startingCash.apply(strategyId);
    }

    private Account account(PortfolioKey key) {
        return accounts.computeIfAbsent(key, k -> new Account(startingCash.apply(k.strategyId())));
    }

    /** One portfolio's account: cash, fees, fill count, the realized PnL of its current trading day, positions. */
    private static final class Account {
        final BigDecimal startingCash;
        final Map<Long, Slot> positions = new TreeMap<>();
        BigDecimal cash;
        BigDecimal fees = BigDecimal.ZERO;
        long fillCount;
        String lastFillId;
        LocalDate day;
        BigDecimal dayRealized = BigDecimal.ZERO;

        Account(BigDecimal startingCash) {
            this.startingCash = startingCash;
            this.cash = startingCash;
        }
    }

    /** One instrument's position and the fees of its fills. */
    private static final class Slot {
        Position position = Position.FLAT;
        BigDecimal fees = BigDecimal.ZERO;
    }
}
