package com.alphapanda.risk;

import com.alphapanda.core.event.Broker;
import com.alphapanda.core.event.MarketTick;
import com.alphapanda.core.event.RiskDecisionEvent;
import com.alphapanda.core.event.TradingSignal;
import com.alphapanda.core.event.ValidatedSignal;
import com.alphapanda.core.id.StrategyId;
import com.alphapanda.instrument.NseCalendar;
import com.alphapanda.portfolio.PortfolioQueries;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * The risk manager in-process, without Kafka or a database: the backtester's. Same rules, limits and context
 * ({@link SignalJudge}) as the live risk manager; the last tick prices come from {@link #onTick}, the exposure from
 * the given portfolio, the day's validated count is kept in memory (one counter per strategy and broker, for its
 * current trading day), and every broker is in its initial ACTIVE trading state. Not thread-safe: one owner.
 */
public final class RiskCheck {

    private record Day(LocalDate date, long validated) {
    }

    private final SignalJudge judge;
    private final NseCalendar calendar;
    private final LastTickPrices lastPrices = new LastTickPrices();
    private final Map<String, Day> days = new HashMap<>();

    public RiskCheck(RiskProperties properties, PortfolioQueries portfolios, NseCalendar calendar) {
        this.judge = new SignalJudge(RiskRules.standard(), properties, portfolios, lastPrices,
                TradingStatus::initial);
        this.calendar = calendar;
    }

    /** The limits of the application's defaults: none configured, so every limit takes its documented default. */
    public static RiskProperties defaultLimits() {
        return new RiskProperties(Map.of());
    }

    public void onTick(MarketTick tick) {
        lastPrices.update(tick);
    }

    /** Judges a signal: a {@link ValidatedSignal} or a rejected signal with every failed rule. */
    public RiskDecisionEvent decide(Broker broker, TradingSignal signal) {
        LocalDate date = calendar.tradingDate(signal.timestamp());
        String key = broker.id() + ":" + signal.strategyId().value();
        Day day = days.get(key);
        long validated = day != null && day.date().equals(date) ? day.validated() : 0;
        RiskRules.Verdict verdict = judge.judge(judge.context(broker, signal, validated, date));
        if (verdict.passed()) {
            days.put(key, new Day(date, validated + 1));
        }
        return SignalJudge.decision(signal, verdict);
    }

    /** The validated count of a strategy at a broker on its current trading day (for reports and tests). */
    public long validatedOn(Broker broker, StrategyId strategyId, LocalDate date) {
        Day day = days.get(broker.id() + ":" + strategyId.value());
        return day != null && day.date().equals(date) ? day.validated() : 0;
    }
}
