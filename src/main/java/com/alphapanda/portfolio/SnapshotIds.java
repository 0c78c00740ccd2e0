package com.alphapanda.portfolio;

import com.alphapanda.core.event.PnlSnapshot.SnapshotType;
import com.alphapanda.core.id.EventId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * Deterministic snapshot ids: a name-based UUID (RFC 9562 version 3) of {@code pnl-snapshot|portfolio|type|time}
 * (time in the checksum's UTC microsecond form). The same due snapshot taken twice — by two instances, or again after
 * a restart or a job takeover — has the same id, so it is recognised and stored once; the snapshot's Kafka event
 * carries the same id, so consumers can skip the duplicate.
 */
final class SnapshotIds {

    private SnapshotIds() {
    }

    static EventId of(String portfolioId, SnapshotType type, Instant at) {
        String name = "pnl-snapshot|" + portfolioId + "|" + type.wireName() + "|" + SnapshotChecksum.time(at);
        return new EventId(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)));
    }
}
