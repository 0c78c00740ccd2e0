package com.alphapanda.execution.zerodha;

import com.alphapanda.core.event.Envelope;
import com.alphapanda.core.event.EventCodec;
import com.alphapanda.core.event.OrderEvent;
import com.alphapanda.core.id.EventId;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The envelopes each validated signal caused ({@code zerodha_journal}), for re-publishing on redelivery. */
final class ZerodhaJournal {

    private final JdbcClient jdbc;
    private final EventCodec codec = new EventCodec();

    ZerodhaJournal(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void append(EventId inputId, List<Envelope<OrderEvent>> envelopes) {
        envelopes.forEach(e -> jdbc.sql("INSERT INTO zerodha_journal (input_event_id, envelope) VALUES (:id, :env)")
                .param("id", inputId.value()).param("env", new String(codec.encode(e), StandardCharsets.UTF_8))
                .update());
    }

    List<Envelope<OrderEvent>> envelopesOf(EventId inputId) {
        return jdbc.sql("SELECT envelope FROM zerodha_journal WHERE input_event_id = :id ORDER BY seq")
                .param("id", inputId.value()).query(String.class).list().stream()
                .map(text -> codec.decode(text.getBytes(StandardCharsets.UTF_8), OrderEvent.class)).toList();
    }
}
