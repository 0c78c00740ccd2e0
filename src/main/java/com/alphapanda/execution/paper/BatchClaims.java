package com.alphapanda.execution.paper;

import com.alphapanda.core.id.EventId;
import com.alphapanda.core.streaming.EventHeaders;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The inputs of a batch of validated signals claimed in {@code paper_inputs} with one statement at the start of the
 * batch's database transaction, instead of one round trip per signal. A record is claimed by the event id its header
 * names, where it was consumed; when the venue processes it, it takes the claim if the envelope's id and the record's
 * position match (otherwise it claims on its own). Claims made now and not taken (a record skipped, or whose header
 * named another id than its envelope) are released before the commit, so nothing is marked processed that was not.
 */
final class BatchClaims {

    private record Claim(PaperStore.Source source, Optional<PaperStore.Source> before) {
    }

    private final Map<EventId, Claim> claims = new HashMap<>();

    /** Claims the records' inputs (the first record of each event id), in the batch's database transaction. */
    void claimAll(List<ConsumerRecord<String, byte[]>> records, PaperStore store) {
        Map<EventId, PaperStore.Source> inputs = new LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            eventId(record).ifPresent(id -> inputs.putIfAbsent(id, VenueStage.source(record)));
        }
        store.claimAll(inputs).forEach((id, before) -> claims.put(id, new Claim(inputs.get(id), before)));
    }

    /**
     * The claim of an input consumed at {@code source}: empty when none was made for it at the start of the batch;
     * else what {@link PaperStore#claim} would answer (empty: claimed now; or where it was consumed before).
     */
    Optional<Optional<PaperStore.Source>> take(EventId input, PaperStore.Source source) {
        Claim claim = claims.get(input);
        if (claim == null || !claim.source().equals(source)) {
            return Optional.empty();
        }
        claims.remove(input);
        return Optional.of(claim.before());
    }

    /** Deletes the claims made at the start of this batch that no record took. */
    void releaseUnused(PaperStore store) {
        List<EventId> unused = claims.entrySet().stream().filter(e -> e.getValue().before().isEmpty())
                .map(Map.Entry::getKey).toList();
        store.release(unused);
        claims.clear();
    }

    void clear() {
        claims.clear();
    }

    private static Optional<EventId> eventId(ConsumerRecord<String, byte[]> record) {
        String header = EventHeaders.read(record.headers(), EventHeaders.EVENT_ID);
        if (header == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(EventId.parse(header));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty(); // the record fails on its own when it is decoded, or claims by its envelope's id
        }
    }
}
