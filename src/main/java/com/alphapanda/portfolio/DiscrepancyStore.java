package com.alphapanda.portfolio;

import com.alphapanda.core.id.EventId;
import com.alphapanda.core.json.EventJson;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code reconciliation_discrepancies} and the audit trail {@code reconciliation_actions}. */
class DiscrepancyStore {

    /** The action recorded when a discrepancy is resolved by rebuilding the read model from the ledger. */
    static final String REBUILD = "rebuild_read_model";

    private final JdbcClient jdbc;

    DiscrepancyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void open(UUID snapshotId, String portfolioId, String broker, String kind, SnapshotValidation.Drift drift) {
        jdbc.sql("""
                INSERT INTO reconciliation_discrepancies (id, snapshot_id, portfolio_id, broker, kind, drift_abs, drift)
                VALUES (:id, :snapshot, :portfolio, :broker, :kind, :abs, CAST(:drift AS jsonb))
                ON CONFLICT (snapshot_id) DO NOTHING""")
                .param("id", EventId.next().value()).param("snapshot", snapshotId).param("portfolio", portfolioId)
                .param("broker", broker).param("kind", kind).param("abs", drift == null ? null : drift.maxAbs())
                .param("drift", drift == null ? null : EventJson.mapper().writeValueAsString(drift)).update();
    }

    /** Discrepancies, optionally of one status, oldest first. */
    List<Discrepancy> list(String status, int offset, int limit) {
        return jdbc.sql("SELECT id, snapshot_id, portfolio_id, broker, kind, drift_abs, drift::text, status,"
                        + " detected_at, resolved_at FROM reconciliation_discrepancies"
                        + (status == null ? "" : " WHERE status = :status")
                        + " ORDER BY detected_at, id LIMIT :limit OFFSET :offset")
                .param("status", status == null ? "" : status).param("limit", limit).param("offset", offset)
                .query(DiscrepancyStore::row).list();
    }

    /** How many discrepancies {@link #list} would return over all pages. */
    long count(String status) {
        return jdbc.sql("SELECT count(*) FROM reconciliation_discrepancies"
                        + (status == null ? "" : " WHERE status = :status"))
                .param("status", status == null ? "" : status).query(Long.class).single();
    }

    Optional<Discrepancy> find(UUID id) {
        return jdbc.sql("SELECT id, snapshot_id, portfolio_id, broker, kind, drift_abs, drift::text, status,"
                        + " detected_at, resolved_at FROM reconciliation_discrepancies WHERE id = :id FOR UPDATE")
                .param("id", id).query(DiscrepancyStore::row).optional();
    }

    /** Marks a discrepancy resolved and records the action taken; returns the action's id. */
    UUID resolve(Discrepancy d, String actor, String note, Object detail) {
        UUID actionId = EventId.next().value();
        jdbc.sql("""
                INSERT INTO reconciliation_actions (id, discrepancy_id, portfolio_id, action, actor, note, detail)
                VALUES (:id, :discrepancy, :portfolio, :action, :actor, :note, CAST(:detail AS jsonb))""")
                .param("id", actionId).param("discrepancy", d.id()).param("portfolio", d.portfolioId())
                .param("action", REBUILD).param("actor", actor).param("note", note)
                .param("detail", EventJson.mapper().writeValueAsString(detail)).update();
        jdbc.sql("UPDATE reconciliation_discrepancies SET status = 'resolved', resolved_at = now() WHERE id = :id")
                .param("id", d.id()).update();
        return actionId;
    }

    private static Discrepancy row(ResultSet rs, int n) throws SQLException {
        String drift = rs.getString(7);
        return new Discrepancy(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getBigDecimal(6),
                drift == null ? null : EventJson.mapper().readValue(drift, SnapshotValidation.Drift.class),
                rs.getString(8), rs.getObject(9, OffsetDateTime.class).toInstant(),
                Optional.ofNullable(rs.getObject(10, OffsetDateTime.class)).map(OffsetDateTime::toInstant).orElse(null));
    }

}
