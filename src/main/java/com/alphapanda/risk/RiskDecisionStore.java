package com.alphapanda.risk;

import com.alphapanda.core.event.Broker;
import com.alphapanda.core.event.Envelope;
import com.alphapanda.core.event.EventCodec;
import com.alphapanda.core.event.RiskDecisionEvent;
import com.alphapanda.core.event.TradingSignal;
import com.alphapanda.core.id.EventId;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every decision, keyed by the raw signal's event id, with what the in-flight exposure needs (the validated signal's
 * id, which its order carries, the instrument, side, quantity, the price it was judged at and the signal's event
 * time). Deciding is idempotent: a signal seen again (a redelivery after an aborted Kafka transaction, a duplicate,
 * a replay) gets its recorded decision re-published, never a new one, so it is counted once towards the limits.
 * The decisions of a batch are held per consumer thread and written by {@link #flush} in one multi-row statement,
 * inside the batch's database transaction just before it commits.
 */
final class RiskDecisionStore {

    /** One decision to record; {@code referencePrice} null when neither the signal nor a tick gave a price. */
    record Row(EventId signalId, Broker broker, LocalDate tradeDate, boolean validated, TradingSignal signal,
               BigDecimal referencePrice, Envelope<? extends RiskDecisionEvent> decision) {
    }

    /** Rows per statement (12 parameters each; PostgreSQL allows 65 535 per statement). */
    static final int ROWS_PER_STATEMENT = 1000;

    private static final String ROW = "(?::uuid, ?::varchar, ?::varchar, ?::date, ?::boolean, ?::text, ?::uuid, "
            + "?::bigint, ?::varchar, ?::bigint, ?::numeric, ?::timestamptz)";

    private final JdbcClient jdbc;
    private final EventCodec codec = new EventCodec();
    private final ThreadLocal<List<Row>> pending = ThreadLocal.withInitial(ArrayList::new);

    RiskDecisionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Holds a decision until the batch's {@link #flush}. */
    void record(Row row) {
        pending.get().add(row);
    }

    /**
     * Writes the held decisions; fails when one of them was recorded meanwhile by another transaction (it held the
     * strategy's lock, so this cannot happen unless the signal was judged outside it): the batch is then redone and
     * re-publishes the recorded decision.
     */
    void flush() {
        List<Row> rows = pending.get();
        for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
            List<Row> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT));
            int inserted = insert(chunk);
            if (inserted != chunk.size()) {
                throw new IllegalStateException((chunk.size() - inserted)
                        + " risk decision(s) of this batch were recorded by another transaction meanwhile");
            }
        }
        rows.clear();
    }

    /** The batch ended (committed or rolled back): nothing is held any more. */
    void forget() {
        pending.get().clear();
    }

    private int insert(List<Row> rows) {
        List<Object> params = new ArrayList<>();
        for (Row row : rows) {
            TradingSignal signal = row.signal();
            params.addAll(Arrays.asList(row.signalId().value(), row.broker().id(),
                    signal.strategyId().value(), row.tradeDate(), row.validated(),
                    new String(codec.encode(row.decision()), StandardCharsets.UTF_8), row.decision().id().value(),
                    signal.instrumentToken().value(), signal.signalType().name(), signal.quantity().value(),
                    row.referencePrice(), OffsetDateTime.ofInstant(signal.timestamp(), ZoneOffset.UTC)));
        }
        return jdbc.sql("""
                INSERT INTO risk_decisions (signal_id, broker, strategy_id, trade_date, validated, envelope,
                                            decision_id, instrument_token, side, quantity, reference_price,
                                            signal_time)
                VALUES\s""" + String.join(", ", Collections.nCopies(rows.size(), ROW))
                + " ON CONFLICT (signal_id) DO NOTHING")
                .params(params).update();
    }
}
