package com.alphapanda.risk;

import com.alphapanda.core.event.Broker;
import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.core.id.StrategyId;
import com.alphapanda.portfolio.PortfolioQueries;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * The ledger's exposure figures as the risk manager reads them for one batch of signals: each strategy's holdings,
 * day's realized PnL and starting cash are read once per batch (per consumer thread) instead of once per signal, and
 * {@link #forget forgotten} when the batch ends. Within a batch they cannot change through this stage: fills are
 * applied by the portfolio manager, whose changes the next batch reads.
 */
final class BatchExposure implements PortfolioQueries {

    private record Key(Broker broker, StrategyId strategy, LocalDate date) {
    }

    private final PortfolioQueries ledger;
    private final ThreadLocal<Map<Key, Object>> memo = ThreadLocal.withInitial(HashMap::new);

    BatchExposure(PortfolioQueries ledger) {
        this.ledger = ledger;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<InstrumentToken, Holding> holdings(Broker broker, StrategyId strategyId) {
        return (Map<InstrumentToken, Holding>) memo.get().computeIfAbsent(new Key(broker, strategyId, null),
                k -> Map.copyOf(ledger.holdings(broker, strategyId)));
    }

    @Override
    public BigDecimal realizedOn(Broker broker, StrategyId strategyId, LocalDate tradeDate) {
        return (BigDecimal) memo.get().computeIfAbsent(new Key(broker, strategyId, tradeDate),
                k -> ledger.realizedOn(broker, strategyId, tradeDate));
    }

    @Override
    public BigDecimal startingCash(Broker broker, StrategyId strategyId) {
        return (BigDecimal) memo.get().computeIfAbsent(new Key(null, strategyId, LocalDate.EPOCH),
                k -> ledger.startingCash(broker, strategyId));
    }

    /** Not used by the risk manager; read from the ledger. */
    @Override
    public Exposure openExposure(StrategyId strategyId) {
        return ledger.openExposure(strategyId);
    }

    /** The batch ended (committed or rolled back): the next reads go to the ledger. */
    void forget() {
        memo.get().clear();
    }
}
