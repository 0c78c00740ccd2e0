package com.alphapanda.portfolio;

import com.alphapanda.core.event.Broker;
import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.core.id.StrategyId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link PortfolioQueries} answered from the ledger tables. */
class LedgerPortfolioQueries implements PortfolioQueries {

    private final JdbcClient jdbc;
    private final PortfolioProperties properties;

    LedgerPortfolioQueries(JdbcClient jdbc, PortfolioProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    @Override
    public Map<InstrumentToken, Holding> holdings(Broker broker, StrategyId strategyId) {
        Map<InstrumentToken, Holding> holdings = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT instrument_token, quantity, cost_basis FROM positions
                WHERE broker = :broker AND strategy_id = :strategy AND quantity <> 0""")
                .param("broker", broker.id()).param("strategy", strategyId.value())
                .query(rs -> {
                    holdings.put(InstrumentToken.of(rs.getLong(1)), new Holding(rs.getLong(2), rs.getBigDecimal(3)));
                });
        return holdings;
    }

    @Override
    public BigDecimal realizedOn(Broker broker, StrategyId strategyId, LocalDate tradeDate) {
        return jdbc.sql("""
                SELECT COALESCE(SUM(realized_pnl), 0) FROM fills
                WHERE broker = :broker AND strategy_id = :strategy AND trade_date = :date""")
                .param("broker", broker.id()).param("strategy", strategyId.value()).param("date", tradeDate)
                .query(BigDecimal.class).single();
    }

    @Override
    public Exposure openExposure(StrategyId strategyId) {
        return jdbc.sql("""
                SELECT (SELECT count(*) FROM positions WHERE strategy_id = :strategy AND quantity <> 0),
                       (SELECT count(*) FROM orders WHERE strategy_id = :strategy AND failure_code IS NULL
                               AND (quantity IS NULL OR filled_quantity < quantity))""")
                .param("strategy", strategyId.value())
                .query((rs, n) -> new Exposure(rs.getInt(1), rs.getInt(2))).single();
    }

    @Override
    public BigDecimal startingCash(Broker broker, StrategyId strategyId) {
        return properties.startingCashOf(strategyId.value());
    }
}
