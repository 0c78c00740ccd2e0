package com.alphapanda.deadletter;

import java.time.Instant;
import java.util.UUID;

/** What operators can do with dead letters (the API and the command line use this). */
public class DeadLetterOperations {

    private final DeadLetterStore store;
    private final DeadLetterReplayer replayer;
    private final DeadLetterPurger purger;
    private final Runnable refreshPendingGauge;

    DeadLetterOperations(DeadLetterStore store, DeadLetterReplayer replayer, DeadLetterPurger purger,
                         Runnable refreshPendingGauge) {
        this.store = store;
        this.replayer = replayer;
        this.purger = purger;
        this.refreshPendingGauge = refreshPendingGauge;
    }

    public DeadLetterPage list(DeadLetterQuery query) {
        return store.search(query);
    }

    public DeadLetter get(UUID id) {
        return store.find(id).orElseThrow(() -> new DeadLetterNotFoundException(id));
    }

    /** Replays one dead letter to its original topic, for the consumer group that failed it only. */
    public DeadLetter replay(UUID id, String correlationId) {
        try {
            return replayer.replay(id, correlationId);
        } finally {
            refreshPendingGauge.run();
        }
    }

    /**
     * Replays every pending dead letter of a topic in a time range (and consumer group, reason), each for the group
     * that failed it; with dryRun only counts them.
     */
    public BulkReplay replayAll(String topic, String group, Instant from, Instant to, String reason, boolean dryRun,
                                String correlationId) {
        if (topic == null || topic.isBlank()) {
            throw new IllegalArgumentException("'topic' is required");
        }
        DeadLetterQuery.checkGroup(group);
        if (from == null || to == null) {
            throw new IllegalArgumentException("'from' and 'to' are required");
        }
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("'to' (" + to + ") must be after 'from' (" + from + ")");
        }
        try {
            DeadLetterReplayer.BulkResult r = replayer.replayAll(topic, group, from, to, reason, dryRun,
                    correlationId);
            return new BulkReplay(r.dryRun(), r.matched(), r.replayed(), r.failed(), r.ids(), r.byGroup());
        } finally {
            refreshPendingGauge.run();
        }
    }

    /** Purges every dead letter older than a past time. */
    public Purge purgeOlderThan(Instant olderThan) {
        if (olderThan == null) {
            throw new IllegalArgumentException("'olderThan' is required");
        }
        try {
            DeadLetterPurger.Result r = purger.purgeOlderThan(olderThan);
            return new Purge(r.olderThan(), r.purged(), r.partitions().stream()
                    .map(p -> new Purge.Partition(p.topic(), p.partition(), p.deletedBeforeOffset(), p.deadLetters()))
                    .toList());
        } finally {
            refreshPendingGauge.run();
        }
    }

    /** The outcome of a bulk replay; {@code byGroup}: the matched dead letters per consumer group replayed to. */
    public record BulkReplay(boolean dryRun, int matched, int replayed, int failed, java.util.List<UUID> ids,
                             java.util.Map<String, Integer> byGroup) {
    }

    /** The outcome of a purge. */
    public record Purge(Instant olderThan, int purged, java.util.List<Partition> partitions) {
        /** One dead-letter partition cut back: records before {@code deletedBeforeOffset} are gone. */
        public record Partition(String topic, int partition, long deletedBeforeOffset, int deadLetters) {
        }
    }
}
