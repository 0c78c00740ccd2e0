package com.alphapanda.monitoring;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code lag_alerts}: the cluster's consumer-lag alerts, written by the instance running the lag-alert job and read
 * by every instance's API. At most one active alert per group and kind (a partial unique index); an alert's id is a
 * name-based UUID of group, kind and raise time, so raising the same alert again is recognised and stored once.
 */
public class LagAlertStore {

    /** How long cleared alerts are kept. */
    static final Duration KEEP_CLEARED = Duration.ofDays(7);
    private static final int RECENTLY_CLEARED = 100;

    private final JdbcClient jdbc;

    LagAlertStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static UUID idOf(LagAlert alert) {
        String name = "lag-alert|" + alert.group() + "|" + alert.kind().name() + "|"
                + alert.raisedAt().getEpochSecond() + "." + alert.raisedAt().getNano();
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    /** Stores an active alert; false when this group and kind already have one. */
    boolean raise(LagAlert alert) {
        return jdbc.sql("""
                INSERT INTO lag_alerts (id, consumer_group, kind, raised_at, raised_detail)
                VALUES (:id, :group, :kind, :at, :detail) ON CONFLICT DO NOTHING""")
                .param("id", idOf(alert)).param("group", alert.group()).param("kind", alert.kind().name())
                .param("at", utc(alert.raisedAt())).param("detail", truncate(alert.raisedDetail()))
                .update() == 1;
    }

    /** Clears the active alert of this group and kind; the cleared alert, or empty when none was active. */
    Optional<LagAlert> clear(String group, AlertKind kind, Instant at) {
        return jdbc.sql("""
                UPDATE lag_alerts SET cleared_at = :at
                WHERE consumer_group = :group AND kind = :kind AND cleared_at IS NULL
                RETURNING consumer_group, kind, raised_at, raised_detail, cleared_at""")
                .param("at", utc(at)).param("group", group).param("kind", kind.name())
                .query(LagAlertStore::row).optional();
    }

    /** Deletes alerts cleared before {@code before}. */
    void prune(Instant before) {
        jdbc.sql("DELETE FROM lag_alerts WHERE cleared_at < :before").param("before", utc(before)).update();
    }

    /** The alerts active now across the cluster, oldest first. */
    public List<LagAlert> active() {
        return jdbc.sql("""
                SELECT consumer_group, kind, raised_at, raised_detail, cleared_at FROM lag_alerts
                WHERE cleared_at IS NULL ORDER BY raised_at, consumer_group, kind""")
                .query(LagAlertStore::row).list();
    }

    /** The last cleared alerts, newest first (at most 100). */
    public List<LagAlert> recentlyCleared() {
        return jdbc.sql("""
                SELECT consumer_group, kind, raised_at, raised_detail, cleared_at FROM lag_alerts
                WHERE cleared_at IS NOT NULL ORDER BY cleared_at DESC, consumer_group, kind LIMIT :limit""")
                .param("limit", RECENTLY_CLEARED).query(LagAlertStore::row).list();
    }

    private static LagAlert row(ResultSet rs, int n) throws SQLException {
        OffsetDateTime cleared = rs.getObject(5, OffsetDateTime.class);
        return new LagAlert(rs.getString(1), AlertKind.valueOf(rs.getString(2)),
                rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getString(4),
                Optional.ofNullable(cleared).map(OffsetDateTime::toInstant));
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    private static String truncate(String detail) {
        return detail.length() <= 500 ? detail : detail.substring(0, 500);
    }
}
