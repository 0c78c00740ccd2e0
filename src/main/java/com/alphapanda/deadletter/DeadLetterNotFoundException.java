package com.alphapanda.deadletter;

import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** No dead letter has this id. */
public class DeadLetterNotFoundException extends ResponseStatusException {

    public DeadLetterNotFoundException(UUID id) {
        super(HttpStatus.NOT_FOUND, "no dead letter with id " + id);
    }
}
