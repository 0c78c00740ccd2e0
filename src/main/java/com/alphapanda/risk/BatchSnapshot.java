package com.alphapanda.risk;

import com.alphapanda.core.event.Broker;
import com.alphapanda.core.event.Envelope;
import com.alphapanda.core.event.RiskDecisionEvent;
import com.alphapanda.core.event.SignalType;
import com.alphapanda.core.id.EventId;
import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.core.id.StrategyId;
import com.alphapanda.portfolio.PortfolioQueries.Holding;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one batch of signals reads from PostgreSQL, once, under the batch's locks: per strategy and broker the
 * holdings and what is in flight, per trading date the realized PnL and the validated count, and the decisions
 * already recorded for the batch's signals. Kept current as the batch decides (its uncommitted rows are its own).
 */
final class BatchSnapshot {

    /** A strategy at a broker: the unit of exposure and of the batch's locks. */
    record Portfolio(Broker broker, StrategyId strategy) {
    }

    /** A strategy at a broker on an IST trading date. */
    record Day(Broker broker, StrategyId strategy, LocalDate date) {
    }

    /** A signal of the batch: its id, portfolio, trading date and since when its in-flight signals count. */
    record Planned(EventId signalId, Broker broker, StrategyId strategy, LocalDate tradeDate, Instant inFlightSince) {

        Portfolio portfolio() {
            return new Portfolio(broker, strategy);
        }

        Day day() {
            return new Day(broker, strategy, tradeDate);
        }
    }

    final Map<Portfolio, Instant> since = new HashMap<>();
    final Map<Portfolio, Map<InstrumentToken, Holding>> holdings = new HashMap<>();
    final Map<Portfolio, WorkingOrders> working = new HashMap<>();
    final Map<Day, BigDecimal> realized = new HashMap<>();
    final Map<Day, Long> validated = new HashMap<>();
    final Set<EventId> looked = new HashSet<>();
    final Map<EventId, Envelope<RiskDecisionEvent>> decisions = new HashMap<>();

    /** True when everything {@code signal} needs was read. */
    boolean covers(Planned signal) {
        Instant from = since.get(signal.portfolio());
        return from != null && !from.isAfter(signal.inFlightSince()) && validated.containsKey(signal.day())
                && looked.contains(signal.signalId());
    }

    /** Adds what another read found (for signals the batch did not plan). */
    void merge(BatchSnapshot other) {
        since.putAll(other.since);
        holdings.putAll(other.holdings);
        working.putAll(other.working);
        realized.putAll(other.realized);
        validated.putAll(other.validated);
        looked.addAll(other.looked);
        decisions.putAll(other.decisions);
    }

    Optional<Envelope<RiskDecisionEvent>> decision(EventId signalId) {
        return Optional.ofNullable(decisions.get(signalId));
    }

    Map<InstrumentToken, Holding> holdings(Portfolio portfolio) {
        return holdings.getOrDefault(portfolio, Map.of());
    }

    WorkingOrders working(Portfolio portfolio) {
        return working.computeIfAbsent(portfolio, p -> WorkingOrders.none());
    }

    BigDecimal realized(Day day) {
        return realized.getOrDefault(day, BigDecimal.ZERO);
    }

    long validated(Day day) {
        return validated.getOrDefault(day, 0L);
    }

    /** A decision of this batch: re-published if the signal comes again; a validation counts and is in flight. */
    void decided(Planned signal, Envelope<? extends RiskDecisionEvent> decision, InstrumentToken token,
                 SignalType side, long quantity, BigDecimal notional, boolean passed) {
        @SuppressWarnings("unchecked")
        Envelope<RiskDecisionEvent> recorded = (Envelope<RiskDecisionEvent>) decision;
        decisions.put(signal.signalId(), recorded);
        looked.add(signal.signalId());
        if (passed) {
            validated.merge(signal.day(), 1L, Long::sum);
            working(signal.portfolio()).add(token, side, quantity, notional);
        }
    }

    /** Empty entries for everything planned, so that what the read did not find counts as nothing. */
    void expect(Iterable<Planned> planned) {
        for (Planned p : planned) {
            since.merge(p.portfolio(), p.inFlightSince(), (a, b) -> a.isBefore(b) ? a : b);
            holdings.putIfAbsent(p.portfolio(), new LinkedHashMap<>());
            working.putIfAbsent(p.portfolio(), WorkingOrders.none());
            validated.putIfAbsent(p.day(), 0L);
            realized.putIfAbsent(p.day(), BigDecimal.ZERO);
            looked.add(p.signalId());
        }
    }
}
