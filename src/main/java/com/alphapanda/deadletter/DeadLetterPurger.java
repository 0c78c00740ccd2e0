package com.alphapanda.deadletter;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Purges dead letters older than a time: deletes the records from the dead-letter partitions up to the last purged
 * offset (Kafka {@code deleteRecords}) and marks them {@code purged} in the store.
 */
class DeadLetterPurger {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterPurger.class);

    private final DeadLetterStore store;
    private final Admin admin;
    private final Clock clock;

    DeadLetterPurger(DeadLetterStore store, Admin admin, Clock clock) {
        this.store = store;
        this.admin = admin;
        this.clock = clock;
    }

    /** One dead-letter partition cut back. */
    record PurgedPartition(String topic, int partition, long deletedBeforeOffset, int deadLetters) {
    }

    /** The purge of everything dead-lettered before {@code olderThan}. */
    record Result(Instant olderThan, int purged, List<PurgedPartition> partitions) {
    }

    Result purgeOlderThan(Instant olderThan) {
        if (olderThan.isAfter(clock.instant())) {
            throw new IllegalArgumentException("'olderThan' (" + olderThan + ") is in the future");
        }
        List<PurgedPartition> partitions = new ArrayList<>();
        int purged = 0;
        for (DeadLetterStore.PartitionCut cut : store.purgeCandidates(olderThan)) {
            deleteRecords(cut);
            int marked = store.markPurged(cut);
            purged += marked;
            partitions.add(new PurgedPartition(cut.topic(), cut.partition(), cut.maxOffset() + 1, marked));
        }
        log.info("Purged {} dead letters older than {} from {} partition(s)", purged, olderThan, partitions.size());
        return new Result(olderThan, purged, partitions);
    }

    private void deleteRecords(DeadLetterStore.PartitionCut cut) {
        TopicPartition partition = new TopicPartition(cut.topic(), cut.partition());
        try {
            admin.deleteRecords(Map.of(partition, RecordsToDelete.beforeOffset(cut.maxOffset() + 1)))
                    .all().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while purging " + partition, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new PurgeFailedException(partition, e);
        }
    }
}
