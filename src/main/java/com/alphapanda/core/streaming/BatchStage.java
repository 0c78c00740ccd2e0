package com.alphapanda.core.streaming;

import com.alphapanda.core.event.Envelope;
import com.alphapanda.core.event.EventPayload;
import java.util.List;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What a listener does with the records of one poll, run by {@link BatchProcessor}: {@link #process} for each decoded
 * record, and the batch-level hooks around it. Publications made while a record is processed are held back and sent
 * in the listener's Kafka transaction only when the record (and, for a stage that writes to PostgreSQL, the batch's
 * database transaction) succeeded.
 *
 * @param <F> the event family of the consumed topics
 */
public interface BatchStage<F extends EventPayload> {

    /** The event family every consumed record must decode to (anything else is dead-lettered as invalid). */
    Class<F> family();

    /** Processes one record; an exception fails this record alone. */
    void process(Envelope<F> envelope, ConsumerRecord<String, byte[]> record);

    /** True when the stage writes to PostgreSQL: the batch's database work then runs in one database transaction. */
    default boolean writesDatabase() {
        return false;
    }

    /**
     * Called first in each database transaction of the batch (for a database stage), with the records it is about to
     * process: e.g. row locks of all of them taken in key order. An exception fails the first of these records; what
     * it publishes is sent with the records' publications, only if this database transaction commits.
     */
    default void beginPass(List<ConsumerRecord<String, byte[]>> records) {
    }

    /** Batch-level work inside the batch's database transaction, just before it commits (e.g. multi-row writes). */
    default void beforeCommit() {
    }

    /** Batch-level work after the database commit and before the outputs are sent (e.g. Redis read models). */
    default void afterCommit() {
    }

    /**
     * The batch's database work was rolled back: forget in-memory state that is ahead of the database (the records
     * that succeeded are then processed again).
     */
    default void afterRollback() {
    }

    /**
     * A monitor held for the whole batch (processing and commit) when several listener containers share this stage's
     * in-memory state, so that none of them sees state another has not committed yet; null when there is none.
     */
    default Object lock() {
        return null;
    }

    /** A stage without database work or batch hooks. */
    static <F extends EventPayload> BatchStage<F> of(Class<F> family,
                                                    BiConsumer<Envelope<F>, ConsumerRecord<String, byte[]>> action) {
        return simple(family, action, false);
    }

    /** A stage whose records write to PostgreSQL (in the batch's database transaction), without other hooks. */
    static <F extends EventPayload> BatchStage<F> writingDatabase(
            Class<F> family, BiConsumer<Envelope<F>, ConsumerRecord<String, byte[]>> action) {
        return simple(family, action, true);
    }

    private static <F extends EventPayload> BatchStage<F> simple(
            Class<F> family, BiConsumer<Envelope<F>, ConsumerRecord<String, byte[]>> action, boolean database) {
        return new BatchStage<>() {
            @Override
            public Class<F> family() {
                return family;
            }

            @Override
            public void process(Envelope<F> envelope, ConsumerRecord<String, byte[]> record) {
                action.accept(envelope, record);
            }

            @Override
            public boolean writesDatabase() {
                return database;
            }
        };
    }
}
