package com.alphapanda.execution.paper;

import com.alphapanda.core.event.Envelope;
import com.alphapanda.core.event.EventCodec;
import com.alphapanda.core.event.OrderEvent;
import com.alphapanda.core.id.EventId;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
    record Row(EventId inputId, String kind, String orderId, String envelope, String writtenBy) {
    }

    /**
     * The rows of an input's records; {@code envelopes} are those of its emitted events, in the same order;
     * {@code writtenBy}: the tick group for a tick, else null.
     */
    List<Row> rows(EventId inputId, List<VenueRecord> records, List<Envelope<OrderEvent>> envelopes,
                   String writtenBy) {
        Iterator<Envelope<OrderEvent>> emitted = envelopes.iterator();
        List<Row> rows = new ArrayList<>();
        for (VenueRecord record : records) {
            rows.add(switch (record) {
                case VenueRecord.Emitted e -> new Row(inputId, "event", e.event().orderId(),
                        new String(codec.encode(emitted.next()), StandardCharsets.UTF_8), writtenBy);
                case VenueRecord.StopTriggered t -> new Row(inputId, "stop_triggered", t.orderId(), null, writtenBy);
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
        SqlRows values = new SqlRows("uuid", "text", "text", "text", "text");
        rows.forEach(r -> values.add(r.inputId().value(), r.kind(), r.orderId(), r.envelope(), r.writtenBy()));
        jdbc.sql("INSERT INTO paper_journal (input_event_id, kind, order_id, envelope, written_by) VALUES "
                        + values.values())
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

    private Envelope<OrderEvent> decode(String text) {
        return codec.decode(text.getBytes(StandardCharsets.UTF_8), OrderEvent.class);
    }
}
