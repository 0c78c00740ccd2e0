package com.alphapanda.execution.paper;

import com.alphapanda.core.event.Envelope;
import com.alphapanda.core.event.EventCodec;
import com.alphapanda.core.event.OrderEvent;
import com.alphapanda.core.id.EventId;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.function.BiConsumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The venue's journal in PostgreSQL ({@code paper_journal}): what each input caused, in order. It is appended before
 * the Kafka transaction that publishes the same envelopes commits, so a redelivered input finds its envelopes here and
 * re-publishes them instead of trading again.
 */
final class PaperJournal {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final EventCodec codec = new EventCodec();

    PaperJournal(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** Appends an input's records; {@code envelopes} are those of its emitted events, in the same order. */
    void append(EventId inputId, List<VenueRecord> records, List<Envelope<OrderEvent>> envelopes) {
        transactions.executeWithoutResult(tx -> {
            Iterator<Envelope<OrderEvent>> emitted = envelopes.iterator();
            for (VenueRecord record : records) {
                switch (record) {
                    case VenueRecord.Emitted e -> insert(inputId, "event", e.event().orderId(),
                            new String(codec.encode(emitted.next()), StandardCharsets.UTF_8));
                    case VenueRecord.StopTriggered t -> insert(inputId, "stop_triggered", t.orderId(), null);
                }
            }
        });
    }

    /** The envelopes an input caused, in order (empty when it caused none). */
    List<Envelope<OrderEvent>> envelopesOf(EventId inputId) {
        return jdbc.sql("SELECT envelope FROM paper_journal WHERE input_event_id = :id AND kind = 'event' ORDER BY seq")
                .param("id", inputId.value())
                .query(String.class).list().stream().map(this::decode).toList();
    }

    /** Replays the whole journal in order: each record with its envelope (null for a stop trigger). */
    void replay(BiConsumer<EventId, Entry> consumer) {
        jdbc.sql("SELECT input_event_id, kind, order_id, envelope, recorded_at FROM paper_journal ORDER BY seq")
                .query(rs -> {
                    EventId input = new EventId(rs.getObject(1, java.util.UUID.class));
                    if ("event".equals(rs.getString(2))) {
                        Envelope<OrderEvent> envelope = decode(rs.getString(4));
                        consumer.accept(input, new Entry(new VenueRecord.Emitted(envelope.payload()), envelope));
                    } else {
                        consumer.accept(input, new Entry(new VenueRecord.StopTriggered(rs.getString(3),
                                rs.getTimestamp(5).toInstant()), null));
                    }
                });
    }

    /** A journaled record and, for an event, its envelope. */
    record Entry(VenueRecord record, Envelope<OrderEvent> envelope) {
    }

    private void insert(EventId inputId, String kind, String orderId, String envelope) {
        jdbc.sql("INSERT INTO paper_journal (input_event_id, kind, order_id, envelope) VALUES (:id, :kind, :order, :env)")
                .param("id", inputId.value()).param("kind", kind).param("order", orderId).param("env", envelope)
                .update();
    }

    private Envelope<OrderEvent> decode(String text) {
        return codec.decode(text.getBytes(StandardCharsets.UTF_8), OrderEvent.class);
    }
}
