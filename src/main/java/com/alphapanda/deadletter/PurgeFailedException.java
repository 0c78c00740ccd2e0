package com.alphapanda.deadletter;

import org.apache.kafka.common.TopicPartition;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** Kafka refused or did not answer the deletion of dead-letter records. */
public class PurgeFailedException extends ResponseStatusException {

    public PurgeFailedException(TopicPartition partition, Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "purging " + partition + " failed: " + cause.getMessage(), cause);
    }
}
