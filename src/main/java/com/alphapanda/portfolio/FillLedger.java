package com.alphapanda.portfolio;

import com.alphapanda.core.event.Broker;
import com.alphapanda.core.event.OrderFilled;
import com.alphapanda.core.id.EventId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The fills ledger. A fill is applied exactly once: its id is the primary key of {@code fills}, inserted in the same
 * database transaction as the position, account and order changes it causes. A fill whose id is already there (a
 * redelivery after the Kafka transaction aborted, a duplicate, a replay) changes nothing. Each applied fill gets its
 * portfolio's ledger position {@code ledger_seq} (1, 2, ...: the account's fill count after it, assigned under the
 * account row lock), by which snapshots are reconciled.
 */
class FillLedger {

    /** What applying a fill did; {@code quantityAfter} is the instrument's position after it. */
    record Outcome(boolean applied, long quantityAfter) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final PortfolioProperties properties;

    FillLedger(JdbcClient jdbc, TransactionTemplate transactions, PortfolioProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.properties = properties;
    }

    Outcome apply(Broker broker, EventId eventId, OrderFilled fill, LocalDate tradeDate) {
        return transactions.execute(status -> applyInTransaction(broker, eventId, fill, tradeDate));
    }

    private Outcome applyInTransaction(Broker broker, EventId eventId, OrderFilled fill, LocalDate tradeDate) {
        int inserted = jdbc.sql("""
                INSERT INTO fills (fill_id, broker, strategy_id, instrument_token, order_id, side, quantity, price,
                                   fees, realized_pnl, event_time, trade_date, event_id)
                VALUES (:fillId, :broker, :strategy, :token, :orderId, :side, :qty, :price, :fees, 0, :time, :date, :eventId)
                ON CONFLICT (fill_id) DO NOTHING""")
                .param("fillId", fill.fillId()).param("broker", broker.id())
                .param("strategy", fill.strategyId().value()).param("token", fill.instrumentToken().value())
                .param("orderId", fill.orderId()).param("side", fill.side().name())
                .param("qty", fill.quantity().value()).param("price", fill.fillPrice().value())
                .param("fees", fill.fees().value()).param("time", utc(fill.timestamp()))
                .param("date", tradeDate).param("eventId", eventId.value())
                .update();
        if (inserted == 0) {
            return new Outcome(false, 0);
        }
        ensureAccount(broker, fill.strategyId().value());
        Position before = position(broker, fill).orElse(Position.FLAT);
        Position.Applied applied = before.apply(fill.side(), fill.quantity().value(), fill.fillPrice().value());
        savePosition(broker, fill, applied.position());
        BigDecimal cashFlow = Position.cashFlow(fill.side(), fill.quantity().value(), fill.fillPrice().value(),
                fill.fees().value());
        jdbc.sql("UPDATE fills SET realized_pnl = :pnl WHERE fill_id = :fillId")
                .param("pnl", applied.realizedDelta()).param("fillId", fill.fillId()).update();
        long ledgerSeq = jdbc.sql("""
                UPDATE portfolio_accounts SET cash = cash + :flow, realized_pnl = realized_pnl + :pnl,
                       fees = fees + :fees, fill_count = fill_count + 1, last_fill_id = :fillId, updated_at = now()
                WHERE broker = :broker AND strategy_id = :strategy RETURNING fill_count""")
                .param("flow", cashFlow).param("pnl", applied.realizedDelta()).param("fees", fill.fees().value())
                .param("fillId", fill.fillId()).param("broker", broker.id())
                .param("strategy", fill.strategyId().value()).query(Long.class).single();
        jdbc.sql("UPDATE fills SET ledger_seq = :seq WHERE fill_id = :fillId")
                .param("seq", ledgerSeq).param("fillId", fill.fillId()).update();
        OrderProjection.recordFill(jdbc, broker, fill);
        return new Outcome(true, applied.position().quantity());
    }

    void ensureAccount(Broker broker, String strategyId) {
        BigDecimal start = properties.startingCashOf(strategyId);
        jdbc.sql("""
                INSERT INTO portfolio_accounts (broker, strategy_id, starting_cash, cash)
                VALUES (:broker, :strategy, :start, :start) ON CONFLICT DO NOTHING""")
                .param("broker", broker.id()).param("strategy", strategyId).param("start", start).update();
    }

    private Optional<Position> position(Broker broker, OrderFilled fill) {
        return jdbc.sql("""
                SELECT quantity, cost_basis, realized_pnl FROM positions
                WHERE broker = :broker AND strategy_id = :strategy AND instrument_token = :token FOR UPDATE""")
                .param("broker", broker.id()).param("strategy", fill.strategyId().value())
                .param("token", fill.instrumentToken().value())
                .query((rs, n) -> new Position(rs.getLong(1), rs.getBigDecimal(2), rs.getBigDecimal(3)))
                .optional();
    }

    private void savePosition(Broker broker, OrderFilled fill, Position p) {
        jdbc.sql("""
                INSERT INTO positions (broker, strategy_id, instrument_token, quantity, cost_basis, realized_pnl, fees)
                VALUES (:broker, :strategy, :token, :qty, :cost, :realized, :fees)
                ON CONFLICT (broker, strategy_id, instrument_token) DO UPDATE SET quantity = EXCLUDED.quantity,
                    cost_basis = EXCLUDED.cost_basis, realized_pnl = EXCLUDED.realized_pnl,
                    fees = positions.fees + EXCLUDED.fees, updated_at = now()""")
                .param("broker", broker.id()).param("strategy", fill.strategyId().value())
                .param("token", fill.instrumentToken().value()).param("qty", p.quantity())
                .param("cost", p.costBasis()).param("realized", p.realized()).param("fees", fill.fees().value())
                .update();
    }

    static OffsetDateTime utc(java.time.Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
