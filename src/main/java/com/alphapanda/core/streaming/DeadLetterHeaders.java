package com.alphapanda.core.streaming;

/**
 * Headers a dead letter carries besides the original record's own headers (kept byte-for-byte) and spring-kafka's
 * {@code kafka_dlt-*} headers (original topic, partition, offset, timestamp, consumer group, exception class, message
 * and stack trace).
 */
public final class DeadLetterHeaders {

    /** Why the record was dead-lettered: a permanent reason or {@code max_retries_exceeded}. */
    public static final String REASON = "x-failure-reason";
    /** How many deliveries were attempted. */
    public static final String ATTEMPTS = "x-attempts";
    /** When it was dead-lettered (ISO-8601). */
    public static final String DEAD_LETTERED_AT = "x-dead-lettered-at";
    /** The broker namespace of the original topic ({@code paper}, {@code zerodha}, {@code shared}, {@code system}). */
    public static final String BROKER = "x-broker";
    /** On a replayed record: the id of the dead letter it replays. */
    public static final String REPLAY_OF = "x-replay-of";
    /** On a replayed record: how many times that dead letter has been replayed, this time included. */
    public static final String REPLAY_COUNT = "x-replay-count";
    /** On a replayed record: the correlation id of the operator request that replayed it. */
    public static final String REPLAY_CORRELATION_ID = "x-replay-correlation-id";
    /**
     * On a replayed record: the consumer group that failed it, the only group to process it; every other group's
     * {@link BatchProcessor} acknowledges it without processing it.
     */
    public static final String REPLAY_TARGET_GROUP = "x-replay-target-group";

    private DeadLetterHeaders() {
    }
}
