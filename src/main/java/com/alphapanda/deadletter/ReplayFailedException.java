package com.alphapanda.deadletter;

import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** Republishing a dead letter to its original topic failed (the broker did not acknowledge it). */
public class ReplayFailedException extends ResponseStatusException {

    public ReplayFailedException(UUID id, Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "replay of dead letter " + id + " failed: " + cause.getMessage(), cause);
    }
}
