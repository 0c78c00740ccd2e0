package com.alphapanda.monitoring;

/**
 * Status of a consumer on a partition, after Burrow's evaluation rules adapted to sampled committed offsets; a
 * group's status is its worst partition's. Ordered by severity; {@link #code()} is the value of the
 * {@code consumer_group_status} gauge.
 */
public enum LagStatus {
    /** Caught up, or lag is shrinking or steady while the consumer moves. */
    OK,
    /** The consumer commits, but lag has grown over the whole window. */
    WARN,
    /** Lag throughout the window and the committed offset has not moved. */
    STALL,
    /** Lag and no commit for longer than the window: the consumer has stopped. */
    STOP,
    /** The committed offset went backwards (an offset reset or a rewind). */
    REWIND,
    /** The lag could not be read (broker unreachable, group gone): unknown, never zero. */
    ERROR;

    /** The gauge value: 0 OK, 1 WARN, 2 STALL, 3 STOP, 4 REWIND, 5 ERROR. */
    public int code() {
        return ordinal();
    }

    /** The more severe of the two. */
    public LagStatus worst(LagStatus other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
