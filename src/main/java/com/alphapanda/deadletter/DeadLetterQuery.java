package com.alphapanda.deadletter;

import java.time.Instant;

/**
 * Filters of the dead-letter list; null means "any". {@code group} is the consumer group that failed the record. Times bound {@code dead_lettered_at}: from inclusive, to
 * exclusive.
 */
public record DeadLetterQuery(String topic, String group, String reason, String service, DeadLetterStatus status,
                              Instant from, Instant to, int page, int size) {

    public static final int MAX_PAGE_SIZE = 500;

    /** The longest consumer group name stored (the column's size). */
    public static final int MAX_GROUP_LENGTH = 255;

    public DeadLetterQuery {
        checkGroup(group);
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

    /** Refuses a consumer group name longer than any stored one. */
    static void checkGroup(String group) {
        if (group != null && group.length() > MAX_GROUP_LENGTH) {
            throw new IllegalArgumentException("'group' must be at most " + MAX_GROUP_LENGTH + " characters, was "
                    + group.length());
        }
    }
}
