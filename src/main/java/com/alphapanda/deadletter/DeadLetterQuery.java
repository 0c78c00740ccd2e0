package com.alphapanda.deadletter;

import java.time.Instant;

/**
 * Filters of the dead-letter list; null means "any". Times bound {@code dead_lettered_at}: from inclusive, to
 * exclusive.
 */
public record DeadLetterQuery(String topic, String reason, String service, DeadLetterStatus status, Instant from,
                              Instant to, int page, int size) {

    public static final int MAX_PAGE_SIZE = 500;

    public DeadLetterQuery {
        if (from != null && to != null && !to.isAfter(from)) {
            throw new IllegalArgumentException("'to' (" + to + ") must be after 'from' (" + from + ")");
        }
        if (page < 0) {
            throw new IllegalArgumentException("'page' must be 0 or more, was " + page);
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("'size' must be between 1 and " + MAX_PAGE_SIZE + ", was " + size);
        }
    }
}
