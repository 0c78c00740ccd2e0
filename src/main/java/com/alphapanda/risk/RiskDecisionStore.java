package com.alphapanda.risk;

import com.alphapanda.core.event.Broker;
import com.alphapanda.core.event.Envelope;
import com.alphapanda.core.event.EventCodec;
import com.alphapanda.core.event.RiskDecisionEvent;
import com.alphapanda.core.id.EventId;
import com.alphapanda.core.id.StrategyId;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every decision, keyed by the raw signal's event id. Deciding is idempotent: a signal seen again (a redelivery after
 * an aborted Kafka transaction, a duplicate, a replay) gets its recorded decision re-published, never a new one, so
 * it is counted once towards the daily trade limit.
 */
final class RiskDecisionStore {

    private record DayKey(Broker broker, StrategyId strategy, LocalDate date) {
    }

    private final JdbcClient jdbc;
    private final EventCodec codec = new EventCodec();
    /** Validated counts read in the current batch (per consumer thread), kept current as the batch validates. */
    private final ThreadLocal<Map<DayKey, Long>> validatedCounts = ThreadLocal.withInitial(HashMap::new);

    RiskDecisionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Envelope<RiskDecisionEvent>> find(EventId signalId) {
        return jdbc.sql("SELECT envelope FROM risk_decisions WHERE signal_id = :id")
                .param("id", signalId.value())
                .query(String.class).optional()
                .map(text -> codec.decode(text.getBytes(StandardCharsets.UTF_8), RiskDecisionEvent.class));
    }

    /** Records a decision; false when one was recorded for this signal meanwhile. */
    boolean record(EventId signalId, Broker broker, StrategyId strategy, LocalDate tradeDate, boolean validated,
                   Envelope<? extends RiskDecisionEvent> decision) {
        boolean inserted = jdbc.sql("""
                INSERT INTO risk_decisions (signal_id, broker, strategy_id, trade_date, validated, envelope)
                VALUES (:id, :broker, :strategy, :date, :validated, :envelope) ON CONFLICT (signal_id) DO NOTHING""")
                .param("id", signalId.value()).param("broker", broker.id()).param("strategy", strategy.value())
                .param("date", tradeDate).param("validated", validated)
                .param("envelope", new String(codec.encode(decision), StandardCharsets.UTF_8))
                .update() == 1;
        if (inserted && validated) {
            validatedCounts.get().computeIfPresent(new DayKey(broker, strategy, tradeDate), (k, n) -> n + 1);
        }
        return inserted;
    }

    /** The batch ended (committed or rolled back): counts are read from the database again. */
    void forget() {
        validatedCounts.get().clear();
    }

    /**
     * Validated signals of a strategy at a broker on an IST trading date: read once per batch, then counted here as
     * the batch records validations (its uncommitted rows are its own).
     */
    long validatedOn(Broker broker, StrategyId strategy, LocalDate tradeDate) {
        return validatedCounts.get().computeIfAbsent(new DayKey(broker, strategy, tradeDate),
                k -> countValidated(broker, strategy, tradeDate));
    }

    private long countValidated(Broker broker, StrategyId strategy, LocalDate tradeDate) {
        return jdbc.sql("""
                SELECT count(*) FROM risk_decisions
                WHERE broker = :broker AND strategy_id = :strategy AND trade_date = :date AND validated""")
                .param("broker", broker.id()).param("strategy", strategy.value()).param("date", tradeDate)
                .query(Long.class).single();
    }
}
