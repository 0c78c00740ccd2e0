package com.alphapanda.deadletter;

import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** A purged dead letter cannot be replayed: its record is gone from the dead-letter topic. */
public class DeadLetterPurgedException extends ResponseStatusException {

    public DeadLetterPurgedException(UUID id) {
        super(HttpStatus.CONFLICT, "dead letter " + id + " was purged and cannot be replayed");
    }
}
