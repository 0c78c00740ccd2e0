package com.alphapanda.risk;

import com.alphapanda.core.event.Broker;
import com.alphapanda.core.event.TradingState;
import com.alphapanda.core.event.TradingStateChanged;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The trading state per broker in PostgreSQL ({@code trading_state}) and its history of changes. */
final class TradingStateStore {

    /** One recorded change. */
    record Change(Broker broker, TradingState state, TradingState previousState, String reason, String changedBy,
                  Instant changedAt) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    TradingStateStore(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** The stored state of a broker, or its initial state (ACTIVE) when never changed. */
    TradingStatus current(Broker broker) {
        return find(broker, false).orElse(TradingStatus.initial(broker));
    }

    /** Changes the state, records who/when/why in the history, and returns the event to publish. */
    TradingStateChanged change(Broker broker, TradingState state, String reason, String changedBy, Instant at) {
        return transactions.execute(tx -> {
            TradingStatus before = find(broker, true).orElse(TradingStatus.initial(broker));
            jdbc.sql("""
                    INSERT INTO trading_state (broker, state, reason, changed_by, changed_at)
                    VALUES (:broker, :state, :reason, :by, :at)
                    ON CONFLICT (broker) DO UPDATE SET state = EXCLUDED.state, reason = EXCLUDED.reason,
                        changed_by = EXCLUDED.changed_by, changed_at = EXCLUDED.changed_at""")
                    .param("broker", broker.id()).param("state", state.name()).param("reason", reason)
                    .param("by", changedBy).param("at", utc(at)).update();
            jdbc.sql("""
                    INSERT INTO trading_state_history (broker, state, previous_state, reason, changed_by, changed_at)
                    VALUES (:broker, :state, :previous, :reason, :by, :at)""")
                    .param("broker", broker.id()).param("state", state.name())
                    .param("previous", before.state().name()).param("reason", reason).param("by", changedBy)
                    .param("at", utc(at)).update();
            return new TradingStateChanged(broker, state, before.state(), reason, changedBy, at);
        });
    }

    /** The most recent changes of a broker, newest first. */
    List<Change> history(Broker broker, int limit) {
        return jdbc.sql("""
                SELECT state, previous_state, reason, changed_by, changed_at FROM trading_state_history
                WHERE broker = :broker ORDER BY changed_at DESC, id DESC LIMIT :limit""")
                .param("broker", broker.id()).param("limit", limit)
                .query((rs, n) -> new Change(broker, TradingState.valueOf(rs.getString(1)),
                        TradingState.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class).toInstant()))
                .list();
    }

    private Optional<TradingStatus> find(Broker broker, boolean forUpdate) {
        return jdbc.sql("SELECT state, reason, changed_by, changed_at FROM trading_state WHERE broker = :broker"
                        + (forUpdate ? " FOR UPDATE" : ""))
                .param("broker", broker.id())
                .query((rs, n) -> new TradingStatus(broker, TradingState.valueOf(rs.getString(1)), rs.getString(2),
                        rs.getString(3), rs.getObject(4, OffsetDateTime.class).toInstant()))
                .optional();
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
