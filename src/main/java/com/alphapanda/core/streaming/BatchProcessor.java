package com.alphapanda.core.streaming;

import com.alphapanda.core.event.Envelope;
import com.alphapanda.core.event.EventCodec;
import com.alphapanda.core.event.EventPayload;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.kafka.support.KafkaUtils;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;

/**
 * Runs a batch listener: the records of one poll are processed in one Kafka transaction (outputs and offsets commit
 * together, once) and, for a stage that writes to PostgreSQL, in one database transaction, with each record's failure
 * isolated:
 * <ul>
 *   <li>a record that fails is taken out of the batch: its publications are dropped (and, for a database stage, the
 *       batch's database work is rolled back and the records before it are processed again in a new database
 *       transaction); the records before it commit;</li>
 *   <li>a permanent failure, or a transient one that has failed the group's {@code max-attempts}, is dead-lettered
 *       alone in the same Kafka transaction and the rest of the batch goes on;</li>
 *   <li>a transient failure is redelivered after the back-off ({@link Acknowledgment#nack(int, Duration)}: the
 *       records before it commit, it and those after it come again), so the partition keeps its order;</li>
 *   <li>a failure of the batch as a whole (the database commit, a read-model write after it) rolls the Kafka
 *       transaction back; the container then processes one record per transaction until one succeeds, so such a
 *       failure too is retried and dead-lettered per record.</li>
 * </ul>
 * A replayed dead letter targeted at another consumer group ({@link DeadLetterHeaders#REPLAY_TARGET_GROUP}) is
 * acknowledged with the batch without being processed. Every path acknowledges, negatively acknowledges or throws: a
 * batch is never left half-committed.
 */
public final class BatchProcessor {

    private static final Logger log = LoggerFactory.getLogger(BatchProcessor.class);

    private final EventPublisher publisher;
    private final StreamingErrorHandling errors;
    private final JdbcTransactionManager database;
    private final RetryTracker retries = new RetryTracker();
    private final EventCodec codec = new EventCodec();
    /** Per consumer thread: after a batch-level failure, records are processed one per transaction. */
    private final ThreadLocal<Boolean> oneAtATime = ThreadLocal.withInitial(() -> false);

    BatchProcessor(EventPublisher publisher, StreamingErrorHandling errors, DataSource dataSource) {
        this.publisher = publisher;
        this.errors = errors;
        this.database = dataSource == null ? null : new JdbcTransactionManager(dataSource);
    }

    /** Processes one poll's records with {@code stage}; called on the listener container's thread. */
    public <F extends EventPayload> void process(List<ConsumerRecord<String, byte[]>> records, Acknowledgment ack,
                                                 BatchStage<F> stage) {
        if (records.isEmpty()) {
            ack.acknowledge();
            return;
        }
        Object lock = stage.lock();
        if (lock == null) {
            run(records, ack, stage);
        } else {
            synchronized (lock) {
                run(records, ack, stage);
            }
        }
    }

    private <F extends EventPayload> void run(List<ConsumerRecord<String, byte[]>> records, Acknowledgment ack,
                                              BatchStage<F> stage) {
        String group = KafkaUtils.getConsumerGroupId();
        boolean single = oneAtATime.get();
        List<ConsumerRecord<String, byte[]>> batch = single ? records.subList(0, 1) : records;
        Run<F> run = new Run<>(batch, stage, group, publisher.inTransaction());
        try {
            int retryAt = run.execute();
            run.sendOutputs();
            if (retryAt >= 0) {
                ack.nack(retryAt, errors.backOff(group, retries.attempts(batch.get(retryAt))));
            } else if (batch.size() < records.size()) {
                ack.nack(batch.size(), Duration.ZERO);
            } else {
                ack.acknowledge();
            }
            if (single && retryAt < 0) {
                oneAtATime.set(false);
            }
        } catch (BatchFailure failure) {
            handleBatchFailure(records, ack, run, single, failure);
        }
    }

    /** The database commit or the work after it failed: nothing of this batch may commit. */
    private void handleBatchFailure(List<ConsumerRecord<String, byte[]>> records, Acknowledgment ack, Run<?> run,
                                    boolean single, BatchFailure failure) {
        Exception cause = failure.cause();
        if (!single) {
            oneAtATime.set(true);
            log.warn("Batch of {} records from {} failed as a whole ({}); processing one record at a time",
                    records.size(), records.getFirst().topic(), cause.toString());
            throw failure; // the Kafka transaction rolls back, dead letters included; the container seeks back
        }
        ConsumerRecord<String, byte[]> record = records.getFirst();
        int attempts = retries.failed(record);
        if (errors.exhausted(run.group, cause, attempts)) {
            errors.deadLetter(record, cause, attempts, run.transactional);
            retries.clear(record);
            if (records.size() > 1) {
                ack.nack(1, Duration.ZERO);
            } else {
                ack.acknowledge();
            }
        } else {
            logRetry(record, cause, attempts);
            ack.nack(0, errors.backOff(run.group, attempts));
        }
    }

    private static void logRetry(ConsumerRecord<?, ?> record, Exception cause, int attempts) {
        log.warn("{}-{}@{} failed (attempt {}), retried after back-off: {}", record.topic(), record.partition(),
                record.offset(), attempts, cause.toString());
    }

    /** One execution of a batch: passes over its records, each pass in its own database transaction. */
    private final class Run<F extends EventPayload> {

        private final List<ConsumerRecord<String, byte[]>> batch;
        private final BatchStage<F> stage;
        private final String group;
        private final boolean transactional;
        private final List<EventPublisher.Held> outputs = new ArrayList<>();

        Run(List<ConsumerRecord<String, byte[]>> batch, BatchStage<F> stage, String group, boolean transactional) {
            this.batch = batch;
            this.stage = stage;
            this.group = group;
            this.transactional = transactional;
        }

        /** Processes the batch; the index of a record to redeliver after back-off, or -1 when all are done. */
        int execute() {
            int next = 0;
            while (next < batch.size()) {
                Pass pass = pass(next, batch.size());
                if (pass.failedAt < 0) {
                    commit(pass);
                    return -1;
                }
                if (stage.writesDatabase()) {
                    rollback(pass);
                    if (pass.failedAt > next) {
                        Pass again = pass(next, pass.failedAt);
                        if (again.failedAt >= 0) {
                            rollback(again);
                            throw new BatchFailure(again.failure);
                        }
                        commit(again);
                    }
                } else {
                    outputs.addAll(pass.outputs);
                    pass.succeeded.forEach(retries::clear);
                }
                ConsumerRecord<String, byte[]> failed = batch.get(pass.failedAt);
                int attempts = retries.failed(failed);
                if (!errors.exhausted(group, pass.failure, attempts)) {
                    logRetry(failed, pass.failure, attempts);
                    return pass.failedAt;
                }
                errors.deadLetter(failed, pass.failure, attempts, transactional);
                retries.clear(failed);
                next = pass.failedAt + 1;
            }
            return -1;
        }

        void sendOutputs() {
            publisher.send(outputs);
        }

        private Pass pass(int from, int to) {
            Pass pass = new Pass();
            if (stage.writesDatabase()) {
                pass.transaction = database.getTransaction(new DefaultTransactionDefinition());
                List<EventPublisher.Held> held = EventPublisher.newHeld();
                EventPublisher.hold(held); // published only if the pass commits, like the records' publications
                try {
                    stage.beginPass(batch.subList(from, to));
                } catch (RuntimeException e) {
                    pass.failedAt = from;
                    pass.failure = e;
                    return pass;
                } finally {
                    EventPublisher.release();
                }
                pass.outputs.addAll(held);
            }
            for (int i = from; i < to; i++) {
                ConsumerRecord<String, byte[]> record = batch.get(i);
                if (ReplayTarget.forAnotherGroup(record, group)) {
                    log.debug("{}-{}@{} is a replay for another consumer group: skipped by {}", record.topic(),
                            record.partition(), record.offset(), group);
                    pass.succeeded.add(record);
                    continue;
                }
                List<EventPublisher.Held> held = EventPublisher.newHeld();
                try {
                    Envelope<F> envelope = codec.decode(record.value(), stage.family());
                    EventPublisher.hold(held);
                    try (CorrelationContext ignored = CorrelationContext.of(envelope)) {
                        stage.process(envelope, record);
                    }
                } catch (RuntimeException e) {
                    pass.failedAt = i;
                    pass.failure = e;
                    return pass;
                } finally {
                    EventPublisher.release();
                }
                pass.outputs.addAll(held);
                pass.succeeded.add(record);
            }
            return pass;
        }

        private void commit(Pass pass) {
            try {
                stage.beforeCommit();
            } catch (RuntimeException e) {
                rollback(pass);
                throw new BatchFailure(e);
            }
            if (pass.transaction != null) {
                TransactionStatus tx = pass.transaction;
                pass.transaction = null;
                try {
                    database.commit(tx);
                } catch (RuntimeException e) {
                    stage.afterRollback();
                    throw new BatchFailure(e);
                }
            }
            try {
                stage.afterCommit();
            } catch (RuntimeException e) {
                throw new BatchFailure(e);
            }
            outputs.addAll(pass.outputs);
            pass.succeeded.forEach(retries::clear);
        }

        private void rollback(Pass pass) {
            try {
                if (pass.transaction != null && !pass.transaction.isCompleted()) {
                    database.rollback(pass.transaction);
                }
            } finally {
                pass.transaction = null;
                stage.afterRollback();
            }
        }
    }

    /** Records processed in one database transaction, and where the first failure was. */
    private static final class Pass {
        private TransactionStatus transaction;
        private final List<EventPublisher.Held> outputs = new ArrayList<>();
        private final List<ConsumerRecord<String, byte[]>> succeeded = new ArrayList<>();
        private int failedAt = -1;
        private Exception failure;
    }

    /** The batch failed as a whole. */
    static final class BatchFailure extends RuntimeException {
        BatchFailure(Exception cause) {
            super("batch failed: " + cause.getMessage(), cause);
        }

        Exception cause() {
            return (Exception) getCause();
        }
    }
}
