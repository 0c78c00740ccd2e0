package com.alphapanda.risk;

import com.alphapanda.core.event.Broker;
import com.alphapanda.core.event.Envelope;
import com.alphapanda.core.event.EventCodec;
import com.alphapanda.core.event.RiskDecisionEvent;
import com.alphapanda.core.id.StrategyId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Recent risk decisions (validated and rejected signals with their reasons), from {@code risk_decisions}. */
public final class RiskDecisionQueries {

    /** One decision: when it was made and the decision event as published. */
    public record Decision(Broker broker, boolean validated, Instant decidedAt,
                           Envelope<RiskDecisionEvent> envelope) {
    }

    private final JdbcClient jdbc;
    private final EventCodec codec = new EventCodec();

    RiskDecisionQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The newest decisions first, optionally of one broker, one strategy, and only validated or only rejected. */
    public List<Decision> recent(Optional<Broker> broker, Optional<StrategyId> strategy, Optional<Boolean> validated,
                                 int limit) {
        return recent(broker, strategy, validated, 0, limit);
    }

    /** A page of {@link #recent}: {@code limit} decisions after skipping {@code offset}. */
    public List<Decision> recent(Optional<Broker> broker, Optional<StrategyId> strategy, Optional<Boolean> validated,
                                 long offset, int limit) {
        return jdbc.sql("""
                SELECT broker, validated, decided_at, envelope FROM risk_decisions
                WHERE (CAST(:broker AS varchar) IS NULL OR broker = :broker)
                  AND (CAST(:strategy AS varchar) IS NULL OR strategy_id = :strategy)
                  AND (CAST(:validated AS boolean) IS NULL OR validated = :validated)
                ORDER BY decided_at DESC, signal_id DESC LIMIT :limit OFFSET :offset""")
                .param("broker", broker.map(Broker::id).orElse(null))
                .param("strategy", strategy.map(StrategyId::value).orElse(null))
                .param("validated", validated.orElse(null))
                .param("limit", limit).param("offset", offset)
                .query((rs, n) -> new Decision(Broker.fromId(rs.getString(1)), rs.getBoolean(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant(),
                        codec.decode(rs.getString(4).getBytes(StandardCharsets.UTF_8), RiskDecisionEvent.class)))
                .list();
    }

    /** How many decisions {@link #recent} would list over all pages. */
    public long count(Optional<Broker> broker, Optional<StrategyId> strategy, Optional<Boolean> validated) {
        return jdbc.sql("""
                SELECT count(*) FROM risk_decisions
                WHERE (CAST(:broker AS varchar) IS NULL OR broker = :broker)
                  AND (CAST(:strategy AS varchar) IS NULL OR strategy_id = :strategy)
                  AND (CAST(:validated AS boolean) IS NULL OR validated = :validated)""")
                .param("broker", broker.map(Broker::id).orElse(null))
                .param("strategy", strategy.map(StrategyId::value).orElse(null))
                .param("validated", validated.orElse(null))
                .query(Long.class).single();
    }
}
