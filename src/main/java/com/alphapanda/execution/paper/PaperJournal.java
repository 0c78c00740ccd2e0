package com.alphapanda.execution.paper;

import com.alphapanda.core.event.Envelope;
import com.alphapanda.core.event.EventCodec;
import com.alphapanda.core.event.OrderEvent;
import com.alphapanda.core.id.EventId;
import com.alphapanda.core.sql.SqlRows;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The venue's journal in PostgreSQL ({@code paper_journal}): what each input caused, in order, with the envelopes
 * published for it. It is written in the batch's database transaction, one multi-row statement per batch, before the
 * Kafka transaction that publishes the same envelopes commits, so a redelivered input finds its envelopes here and
 * re-publishes them instead of trading again. Start-up does not read it (the venue's state is in its own tables).
 */
final class PaperJournal {

    /** Rows per statement: well under PostgreSQL's 65 535 parameters. */
    private static final int CHUNK = 5_000;

    private final JdbcClient jdbc;
    private final EventCodec codec = new EventCodec();

    PaperJournal(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One journal row. */
    record Row(EventId inputId, String kind, String orderId, String envelope, ByTick tick) {
    }

    /** A tick's rows: the tick group that matched it and where that group read it. */
    record ByTick(String group, int partition, long offset) {
    }

    /** A tick's journaled envelope, written by another tick group. */
    record Written(ByTick tick, Envelope<OrderEvent> envelope) {
    }

    /**
     * The rows of an input's records; {@code envelopes} are those of its emitted events, in the same order;
     * {@code tick}: for a tick, which group matched it and where it read it; else null.
     */
    List<Row> rows(EventId inputId, List<VenueRecord> records, List<Envelope<OrderEvent>> envelopes,
                   ByTick tick) {
        Iterator<Envelope<OrderEvent>> emitted = envelopes.iterator();
        List<Row> rows = new ArrayList<>();
        for (VenueRecord record : records) {
            rows.add(switch (record) {
                case VenueRecord.Emitted e -> new Row(inputId, "event", e.event().orderId(),
                        new String(codec.encode(emitted.next()), StandardCharsets.UTF_8), tick);
                case VenueRecord.StopTriggered t -> new Row(inputId, "stop_triggered", t.orderId(), null, tick);
            });
        }
        return rows;
    }

    /** Appends rows in the caller's transaction, in order, with one statement (per {@value #CHUNK} rows). */
    void append(List<Row> rows) {
        for (int from = 0; from < rows.size(); from += CHUNK) {
            insert(rows.subList(from, Math.min(rows.size(), from + CHUNK)));
        }
    }

    private void insert(List<Row> rows) {
        SqlRows values = new SqlRows("uuid", "text", "text", "text", "text", "integer", "bigint");
        rows.forEach(r -> values.add(r.inputId().value(), r.kind(), r.orderId(), r.envelope(),
                r.tick() == null ? null : r.tick().group(), r.tick() == null ? null : r.tick().partition(),
                r.tick() == null ? null : r.tick().offset()));
        jdbc.sql("INSERT INTO paper_journal (input_event_id, kind, order_id, envelope, written_by, tick_partition,"
                        + " tick_offset) VALUES " + values.values())
                .params(values.parameters()).update();
    }

    /** The envelopes an input caused, in order (empty when it caused none). */
    List<Envelope<OrderEvent>> envelopesOf(EventId inputId) {
        return jdbc.sql("SELECT envelope FROM paper_journal WHERE input_event_id = :id AND kind = 'event' ORDER BY seq")
                .param("id", inputId.value())
                .query(String.class).list().stream().map(this::decode).toList();
    }

    /** Reads the whole journal in order (only to import the state of a journal written before V90). */
    void readAll(Consumer<VenueRecord> consumer) {
        jdbc.sql("SELECT kind, order_id, envelope, recorded_at FROM paper_journal ORDER BY seq").query(rs -> {
            consumer.accept("event".equals(rs.getString(1))
                    ? new VenueRecord.Emitted(decode(rs.getString(3)).payload())
                    : new VenueRecord.StopTriggered(rs.getString(2), rs.getTimestamp(4).toInstant()));
        });
    }

    /** The envelopes a tick caused for the orders of one tick group, in order. */
    List<Envelope<OrderEvent>> envelopesOf(EventId tickId, String writtenBy) {
        return jdbc.sql("SELECT envelope FROM paper_journal WHERE input_event_id = :id AND kind = 'event'"
                        + " AND written_by = :group ORDER BY seq")
                .param("id", tickId.value()).param("group", writtenBy)
                .query(String.class).list().stream().map(this::decode).toList();
    }

    /**
     * The tick envelopes other tick groups journaled within {@code window} for orders of these signal partitions, in
     * order: candidates to re-publish when their group never committed the tick.
     */
    List<Written> byOtherGroups(Collection<Integer> partitions, String group, java.time.Duration window) {
        SqlRows keys = new SqlRows("integer");
        partitions.forEach(keys::add);
        List<Object> params = new ArrayList<>(keys.parameters());
        params.add(group);
        params.add(window.toSeconds());
        return jdbc.sql("SELECT j.written_by, j.tick_partition, j.tick_offset, j.envelope FROM paper_journal j"
                        + " JOIN paper_orders o ON o.order_id = j.order_id WHERE o.signal_partition IN ("
                        + keys.values() + ") AND j.kind = 'event' AND j.written_by IS NOT NULL AND j.written_by <> ?"
                        + " AND j.recorded_at > now() - make_interval(secs => ?::double precision) ORDER BY j.seq")
                .params(params).query((rs, n) -> new Written(new ByTick(rs.getString(1), rs.getInt(2), rs.getLong(3)),
                        decode(rs.getString(4)))).list();
    }

    private Envelope<OrderEvent> decode(String text) {
        return codec.decode(text.getBytes(StandardCharsets.UTF_8), OrderEvent.class);
    }
}
