package com.alphapanda.deadletter;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The {@code dead_letters} table. Indexing is idempotent by dead-letter topic position. */
class DeadLetterStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COLUMNS = "id, dlq_topic, dlq_partition, dlq_offset, original_topic, "
            + "original_partition, original_offset, original_timestamp, record_key, record_value, headers::text AS "
            + "headers, reason, error_class, error_message, service, consumer_group, broker, correlation_id, "
            + "attempts, dead_lettered_at, status, replay_count, last_replayed_at, replay_of";

    private final JdbcClient jdbc;

    DeadLetterStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores a dead letter unless its dead-letter topic position, or the same original record dead-lettered by the
     * same consumer group, is stored already; true when it was new.
     */
    boolean insert(DeadLetter d) {
        return jdbc.sql("""
                INSERT INTO dead_letters (id, dlq_topic, dlq_partition, dlq_offset, original_topic, original_partition,
                    original_offset, original_timestamp, record_key, record_value, headers, reason, error_class,
                    error_message, service, consumer_group, broker, correlation_id, attempts, dead_lettered_at, status,
                    replay_of)
                VALUES (:id, :dlqTopic, :dlqPartition, :dlqOffset, :originalTopic, :originalPartition, :originalOffset,
                    :originalTimestamp, :key, :value, CAST(:headers AS jsonb), :reason, :errorClass, :errorMessage,
                    :service, :group, :broker, :correlationId, :attempts, :deadLetteredAt, 'pending',
                    (SELECT id FROM dead_letters WHERE id = :replayOf))
                ON CONFLICT DO NOTHING""")
                .param("id", d.id()).param("dlqTopic", d.dlqTopic()).param("dlqPartition", d.dlqPartition())
                .param("dlqOffset", d.dlqOffset()).param("originalTopic", d.originalTopic())
                .param("originalPartition", d.originalPartition()).param("originalOffset", d.originalOffset())
                .param("originalTimestamp", timestamp(d.originalTimestamp())).param("key", d.key())
                .param("value", d.value()).param("headers", headersJson(d.headers())).param("reason", d.reason())
                .param("errorClass", d.errorClass()).param("errorMessage", d.errorMessage())
                .param("service", d.service()).param("group", d.consumerGroup()).param("broker", d.broker())
                .param("correlationId", d.correlationId()).param("attempts", d.attempts())
                .param("deadLetteredAt", timestamp(d.deadLetteredAt())).param("replayOf", d.replayOf())
                .update() == 1;
    }

    Optional<DeadLetter> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM dead_letters WHERE id = :id").param("id", id)
                .query(DeadLetterStore::map).optional();
    }

    DeadLetterPage search(DeadLetterQuery q) {
        Where where = where(q.topic(), q.group(), q.reason(), q.service(), q.status(), q.from(), q.to());
        long total = bind(jdbc.sql("SELECT count(*) FROM dead_letters" + where.sql()), where.params())
                .query(Long.class).single();
        List<DeadLetter> items = bind(jdbc.sql("SELECT " + COLUMNS + " FROM dead_letters" + where.sql()
                + " ORDER BY dead_lettered_at DESC, id DESC LIMIT :limit OFFSET :offset"), where.params())
                .param("limit", q.size()).param("offset", (long) q.page() * q.size())
                .query(DeadLetterStore::map).list();
        return new DeadLetterPage(items, total, q.page(), q.size());
    }

    /** Pending dead letters of an original topic in a time range (and consumer group, reason), oldest first. */
    List<DeadLetter> pending(String topic, String group, Instant from, Instant to, String reason) {
        Where where = where(topic, group, reason, null, DeadLetterStatus.PENDING, from, to);
        return bind(jdbc.sql("SELECT " + COLUMNS + " FROM dead_letters" + where.sql()
                + " ORDER BY dead_lettered_at, dlq_partition, dlq_offset"), where.params())
                .query(DeadLetterStore::map).list();
    }

    int markReplayed(UUID id, Instant at) {
        return jdbc.sql("UPDATE dead_letters SET status = 'replayed', replay_count = replay_count + 1, "
                        + "last_replayed_at = :at WHERE id = :id AND status <> 'purged'")
                .param("id", id).param("at", timestamp(at)).update();
    }

    /** Per dead-letter partition, the highest offset of a not yet purged dead letter older than {@code before}. */
    List<PartitionCut> purgeCandidates(Instant before) {
        return jdbc.sql("SELECT dlq_topic, dlq_partition, max(dlq_offset) AS max_offset FROM dead_letters "
                        + "WHERE dead_lettered_at < :before AND status <> 'purged' GROUP BY dlq_topic, dlq_partition "
                        + "ORDER BY dlq_topic, dlq_partition")
                .param("before", timestamp(before))
                .query((rs, n) -> new PartitionCut(rs.getString(1), rs.getInt(2), rs.getLong(3))).list();
    }

    int markPurged(PartitionCut cut) {
        return jdbc.sql("UPDATE dead_letters SET status = 'purged' WHERE dlq_topic = :topic "
                        + "AND dlq_partition = :partition AND dlq_offset <= :offset AND status <> 'purged'")
                .param("topic", cut.topic()).param("partition", cut.partition()).param("offset", cut.maxOffset())
                .update();
    }

    /** Number of pending dead letters per original topic. */
    Map<String, Long> pendingCounts() {
        Map<String, Long> counts = new HashMap<>();
        jdbc.sql("SELECT original_topic, count(*) FROM dead_letters WHERE status = 'pending' GROUP BY original_topic")
                .query((ResultSet rs) -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }

    /** A dead-letter partition and the last offset to purge on it. */
    record PartitionCut(String topic, int partition, long maxOffset) {
    }

    private record Where(String sql, Map<String, Object> params) {
    }

    private static Where where(String topic, String group, String reason, String service, DeadLetterStatus status,
                               Instant from, Instant to) {
        List<String> clauses = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        add(clauses, params, "original_topic = :topic", "topic", topic);
        add(clauses, params, "consumer_group = :group", "group", group);
        add(clauses, params, "reason = :reason", "reason", reason);
        add(clauses, params, "service = :service", "service", service);
        add(clauses, params, "status = :status", "status", status == null ? null : status.dbValue());
        add(clauses, params, "dead_lettered_at >= :from", "from", timestamp(from));
        add(clauses, params, "dead_lettered_at < :to", "to", timestamp(to));
        return new Where(clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses), params);
    }

    private static void add(List<String> clauses, Map<String, Object> params, String clause, String name,
                            Object value) {
        if (value != null) {
            clauses.add(clause);
            params.put(name, value);
        }
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Map<String, Object> params) {
        params.forEach(spec::param);
        return spec;
    }

    private static DeadLetter map(ResultSet rs, int row) throws SQLException {
        return new DeadLetter(rs.getObject("id", UUID.class), rs.getString("dlq_topic"), rs.getInt("dlq_partition"),
                rs.getLong("dlq_offset"), rs.getString("original_topic"), (Integer) rs.getObject("original_partition"),
                (Long) rs.getObject("original_offset"), instant(rs.getTimestamp("original_timestamp")),
                rs.getBytes("record_key"), rs.getBytes("record_value"), headers(rs.getString("headers")),
                rs.getString("reason"), rs.getString("error_class"), rs.getString("error_message"),
                rs.getString("service"), rs.getString("consumer_group"), rs.getString("broker"),
                rs.getString("correlation_id"), rs.getInt("attempts"), instant(rs.getTimestamp("dead_lettered_at")),
                DeadLetterStatus.fromDb(rs.getString("status")), rs.getInt("replay_count"),
                instant(rs.getTimestamp("last_replayed_at")), rs.getObject("replay_of", UUID.class));
    }

    private record StoredHeader(String name, String value) {
    }

    private static String headersJson(List<DeadLetter.Header> headers) {
        return JSON.writeValueAsString(headers.stream().map(h -> new StoredHeader(h.name(),
                h.value() == null ? null : Base64.getEncoder().encodeToString(h.value()))).toList());
    }

    private static List<DeadLetter.Header> headers(String json) {
        List<StoredHeader> stored = JSON.readValue(json, new TypeReference<List<StoredHeader>>() { });
        return stored.stream().map(h -> new DeadLetter.Header(h.name(),
                h.value() == null ? null : Base64.getDecoder().decode(h.value()))).toList();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
