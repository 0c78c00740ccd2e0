package com.alphapanda.core.event;

/** Where a tick is on {@code market.ticks}: its partition and offset. */
public record TickPosition(int partition, long offset) {

    public TickPosition {
        if (partition < 0 || offset < 0) {
            throw new IllegalArgumentException("a tick position has a partition and an offset of at least 0, was "
                    + partition + "@" + offset);
        }
    }
}
