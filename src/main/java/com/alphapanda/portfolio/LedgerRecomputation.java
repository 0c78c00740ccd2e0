package com.alphapanda.portfolio;

import com.alphapanda.core.event.Broker;
import com.alphapanda.core.event.SignalType;
import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.core.id.StrategyId;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An independent recomputation of a portfolio from the raw fills ledger: the first {@code n} fills of the portfolio
 * (by {@code ledger_seq}) are replayed from scratch — positions, realized PnL, fees and cash — without reading the
 * stored positions, the account totals or the Redis read model.
 */
class LedgerRecomputation {

    /** A book rebuilt from fills; {@code fillCount}/{@code lastFillId} say which ledger position it reached. */
    record Book(Map<InstrumentToken, Position> positions, BigDecimal fees, BigDecimal cash, long fillCount,
                String lastFillId) {
    }

    private final JdbcClient jdbc;
    private final PortfolioProperties properties;

    LedgerRecomputation(JdbcClient jdbc, PortfolioProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** The book after the first {@code fillCount} fills of the portfolio. */
    Book at(Broker broker, StrategyId strategyId, long fillCount) {
        Map<InstrumentToken, Position> positions = new TreeMap<>(
                java.util.Comparator.comparingLong(InstrumentToken::value));
        BigDecimal[] fees = {BigDecimal.ZERO};
        BigDecimal[] cash = {startingCash(broker, strategyId)};
        long[] count = {0};
        String[] last = {null};
        jdbc.sql("""
                SELECT fill_id, instrument_token, side, quantity, price, fees FROM fills
                WHERE broker = :broker AND strategy_id = :strategy AND ledger_seq <= :n ORDER BY ledger_seq""")
                .param("broker", broker.id()).param("strategy", strategyId.value()).param("n", fillCount)
                .query(rs -> {
                    SignalType side = SignalType.valueOf(rs.getString(3));
                    long qty = rs.getLong(4);
                    BigDecimal price = rs.getBigDecimal(5);
                    BigDecimal fee = rs.getBigDecimal(6);
                    positions.merge(InstrumentToken.of(rs.getLong(2)), Position.FLAT.apply(side, qty, price).position(),
                            (old, ignored) -> old.apply(side, qty, price).position());
                    fees[0] = fees[0].add(fee);
                    cash[0] = cash[0].add(Position.cashFlow(side, qty, price, fee));
                    count[0]++;
                    last[0] = rs.getString(1);
                });
        return new Book(positions, fees[0], cash[0], count[0], last[0]);
    }

    private BigDecimal startingCash(Broker broker, StrategyId strategyId) {
        return jdbc.sql("SELECT starting_cash FROM portfolio_accounts WHERE broker = :broker AND strategy_id = :strategy")
                .param("broker", broker.id()).param("strategy", strategyId.value())
                .query(BigDecimal.class).optional()
                .orElseGet(() -> properties.startingCashOf(strategyId.value()));
    }
}
