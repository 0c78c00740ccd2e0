package com.alphapanda.deadletter;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Indexes every record of every dead-letter topic into {@code dead_letters}. Runs in its own container: it never
 * dead-letters (a failure here, e.g. PostgreSQL down, is retried until it succeeds) and it is idempotent by
 * dead-letter topic position, so redelivery after a crash stores nothing twice.
 */
class DeadLetterIndexer {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterIndexer.class);

    private final DeadLetterParser parser;
    private final DeadLetterStore store;
    private final DeadLetterMetrics metrics;

    DeadLetterIndexer(DeadLetterParser parser, DeadLetterStore store, DeadLetterMetrics metrics) {
        this.parser = parser;
        this.store = store;
        this.metrics = metrics;
    }

    @KafkaListener(id = "dead-letter-indexer", topics = "#{@deadLetterTopicNames}",
            groupId = "alpha-panda.deadletter.store", containerFactory = "deadLetterContainerFactory")
    void index(ConsumerRecord<byte[], byte[]> record) {
        DeadLetter deadLetter = parser.parse(record);
        if (store.insert(deadLetter)) {
            metrics.indexed(deadLetter);
            log.warn("Dead letter {} from {} (service {}, reason {}): {}", deadLetter.id(), deadLetter.originalTopic(),
                    deadLetter.service(), deadLetter.reason(), deadLetter.errorMessage());
        }
    }
}
