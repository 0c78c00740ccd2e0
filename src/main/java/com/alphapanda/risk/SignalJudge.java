package com.alphapanda.risk;

import com.alphapanda.core.event.Broker;
import com.alphapanda.core.event.RejectedSignal;
import com.alphapanda.core.event.RiskDecisionEvent;
import com.alphapanda.core.event.TradingSignal;
import com.alphapanda.core.event.ValidatedSignal;
import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.core.id.StrategyId;
import com.alphapanda.portfolio.PortfolioQueries;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The plain-Java core of the risk decision, shared by the live risk manager and the backtester: the strategy's
 * exposure (positions and the day's realized + unrealized PnL from the portfolio, the tick price as of the signal's
 * event time, what is in
 * flight, the day's validated count, the broker's trading state) is assembled into a {@link RiskContext}, every rule judges it, and the
 * verdict becomes a validated or rejected signal.
 */
final class SignalJudge {

    private final RiskRules rules;
    private final RiskProperties properties;
    private final PortfolioQueries portfolios;
    private final LastTickPrices lastPrices;
    private final Function<Broker, TradingStatus> tradingStates;
    private final BiFunction<Broker, StrategyId, WorkingOrders> working;

    /** A judge that sees nothing in flight (the backtester's: its orders are executed before the next signal). */
    SignalJudge(RiskRules rules, RiskProperties properties, PortfolioQueries portfolios, LastTickPrices lastPrices,
                Function<Broker, TradingStatus> tradingStates) {
        this(rules, properties, portfolios, lastPrices, tradingStates, (broker, strategy) -> WorkingOrders.none());
    }

    SignalJudge(RiskRules rules, RiskProperties properties, PortfolioQueries portfolios, LastTickPrices lastPrices,
                Function<Broker, TradingStatus> tradingStates, BiFunction<Broker, StrategyId, WorkingOrders> working) {
        this.working = working;
        this.rules = rules;
        this.properties = properties;
        this.portfolios = portfolios;
        this.lastPrices = lastPrices;
        this.tradingStates = tradingStates;
    }

    RiskRules.Verdict judge(RiskContext context) {
        return rules.evaluate(context);
    }

    RiskContext context(Broker broker, TradingSignal signal, long validatedToday, LocalDate tradeDate) {
        BigDecimal startingCash = portfolios.startingCash(broker, signal.strategyId());
        RiskLimits limits = properties.limitsFor(broker, signal.strategyId().value(), startingCash);
        Map<InstrumentToken, PortfolioQueries.Holding> holdings = portfolios.holdings(broker, signal.strategyId());
        PortfolioQueries.Holding held = holdings.get(signal.instrumentToken());
        BigDecimal dayPnl = portfolios.realizedOn(broker, signal.strategyId(), tradeDate)
                .add(unrealized(holdings, signal.timestamp()));
        WorkingOrders inFlight = working.apply(broker, signal.strategyId());
        Set<InstrumentToken> open = new HashSet<>(holdings.keySet());
        open.addAll(inFlight.instruments());
        return new RiskContext(broker, signal, limits, held == null ? 0 : held.quantity(), open.size(),
                validatedToday, dayPnl, lastPrices.asOf(signal.instrumentToken(), signal.timestamp()),
                tradingStates.apply(broker), inFlight.of(signal.instrumentToken()));
    }

    /** The event a verdict produces: the validated signal (at the signal's quantity and price) or the rejection. */
    static RiskDecisionEvent decision(TradingSignal signal, RiskRules.Verdict verdict) {
        return verdict.passed()
                ? new ValidatedSignal(signal, signal.quantity(), signal.price(), verdict.riskChecks(),
                        signal.timestamp())
                : new RejectedSignal(signal, verdict.rejectionReason(), verdict.reasonCodes(), verdict.riskChecks(),
                        signal.timestamp());
    }

    /** Unrealized PnL of the holdings marked at the prices as of the signal's event time. */
    private BigDecimal unrealized(Map<InstrumentToken, PortfolioQueries.Holding> holdings, Instant asOf) {
        BigDecimal total = BigDecimal.ZERO;
        for (var entry : holdings.entrySet()) {
            BigDecimal mark = lastPrices.asOf(entry.getKey(), asOf);
            if (mark != null) {
                total = total.add(entry.getValue().unrealizedAt(mark));
            }
        }
        return total;
    }
}
