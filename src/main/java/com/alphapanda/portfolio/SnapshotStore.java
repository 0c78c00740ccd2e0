package com.alphapanda.portfolio;

import com.alphapanda.core.event.Broker;
import com.alphapanda.core.event.PnlSnapshot;
import com.alphapanda.core.json.EventJson;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code pnl_snapshots}: stored once per snapshot id; validation results; history queries. */
class SnapshotStore {

    private static final String COLUMNS = """
            id, portfolio_id, broker, snapshot_timestamp, snapshot_type, total_realized_pnl, total_unrealized_pnl,
            total_pnl, fees, cash_balance, position_data, ledger_fill_count, ledger_last_fill_id, checksum,
            validation_status, drift_abs, created_at""";

    private final JdbcClient jdbc;

    SnapshotStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores a snapshot with a status; false when it is already stored (a redelivery, or the same due snapshot taken
     * again: same id, or same portfolio, time and type).
     */
    boolean insert(PnlSnapshot s, String status) {
        return jdbc.sql("""
                INSERT INTO pnl_snapshots (id, portfolio_id, broker, snapshot_timestamp, total_realized_pnl,
                    total_unrealized_pnl, total_pnl, position_data, cash_balance, snapshot_type, checksum,
                    validation_status, fees, ledger_fill_count, ledger_last_fill_id)
                VALUES (:id, :portfolio, :broker, :time, :realized, :unrealized, :total, CAST(:positions AS jsonb),
                    :cash, :type, :checksum, :status, :fees, :fillCount, :lastFill)
                ON CONFLICT DO NOTHING""")
                .param("id", s.snapshotId().value()).param("portfolio", s.portfolioId())
                .param("broker", s.broker().id()).param("time", FillLedger.utc(s.snapshotTime()))
                .param("realized", s.totalRealized().value()).param("unrealized", s.totalUnrealized().value())
                .param("total", s.totalPnl().value())
                .param("positions", EventJson.mapper().writeValueAsString(s.positions()))
                .param("cash", s.cashBalance().value()).param("type", s.snapshotType().wireName())
                .param("checksum", s.checksum() == null ? "" : s.checksum()).param("status", status)
                .param("fees", s.fees().value()).param("fillCount", s.ledgerPosition().fillCount())
                .param("lastFill", s.ledgerPosition().lastFillId())
                .update() == 1;
    }

    /** The time of the last stored periodic or end-of-day snapshot of a portfolio (its snapshot clock). */
    Optional<Instant> lastScheduled(String portfolioId) {
        return jdbc.sql("""
                SELECT max(snapshot_timestamp) FROM pnl_snapshots
                WHERE portfolio_id = :portfolio AND snapshot_type IN ('periodic', 'end_of_day')""")
                .param("portfolio", portfolioId)
                .query((rs, n) -> Optional.ofNullable(rs.getObject(1, OffsetDateTime.class))).single()
                .map(OffsetDateTime::toInstant);
    }

    void recordValidation(UUID id, SnapshotValidation.Result result) {
        jdbc.sql("""
                UPDATE pnl_snapshots SET validation_status = :status, drift_abs = :abs, drift = CAST(:drift AS jsonb)
                WHERE id = :id""")
                .param("status", result.status()).param("abs", result.drift().maxAbs())
                .param("drift", EventJson.mapper().writeValueAsString(result.drift())).param("id", id).update();
    }

    Optional<StoredSnapshot> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM pnl_snapshots WHERE id = :id").param("id", id)
                .query(SnapshotStore::row).optional();
    }

    Optional<SnapshotValidation.Drift> drift(UUID id) {
        return jdbc.sql("SELECT drift::text FROM pnl_snapshots WHERE id = :id AND drift IS NOT NULL").param("id", id)
                .query(String.class).optional()
                .map(json -> EventJson.mapper().readValue(json, SnapshotValidation.Drift.class));
    }

    /** Snapshots of a portfolio in [from, to), optionally of one type, oldest first; one page. */
    List<StoredSnapshot> history(String portfolioId, Instant from, Instant to, String type, int offset, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM pnl_snapshots WHERE " + filter(type)
                        + " ORDER BY snapshot_timestamp, id LIMIT :limit OFFSET :offset")
                .param("portfolio", portfolioId).param("from", FillLedger.utc(from)).param("to", FillLedger.utc(to))
                .param("type", type == null ? "" : type).param("limit", limit).param("offset", offset)
                .query(SnapshotStore::row).list();
    }

    long count(String portfolioId, Instant from, Instant to, String type) {
        return jdbc.sql("SELECT count(*) FROM pnl_snapshots WHERE " + filter(type))
                .param("portfolio", portfolioId).param("from", FillLedger.utc(from)).param("to", FillLedger.utc(to))
                .param("type", type == null ? "" : type).query(Long.class).single();
    }

    private static String filter(String type) {
        return "portfolio_id = :portfolio AND snapshot_timestamp >= :from AND snapshot_timestamp < :to"
                + (type == null ? "" : " AND snapshot_type = :type");
    }

    private static StoredSnapshot row(ResultSet rs, int n) throws SQLException {
        return new StoredSnapshot(rs.getObject(1, UUID.class), rs.getString(2), Broker.fromId(rs.getString(3)),
                rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getString(5), rs.getBigDecimal(6),
                rs.getBigDecimal(7), rs.getBigDecimal(8), rs.getBigDecimal(9), rs.getBigDecimal(10),
                List.of(EventJson.mapper().readValue(rs.getString(11), PnlSnapshot.PositionSnapshot[].class)),
                rs.getLong(12), rs.getString(13), rs.getString(14), rs.getString(15), rs.getBigDecimal(16),
                rs.getObject(17, OffsetDateTime.class).toInstant());
    }

}
