package com.alphapanda.monitoring;

import java.time.Instant;

/**
 * One observation of a group on a partition.
 *
 * @param committed the committed offset, or {@link #NONE} when the group has committed nothing there yet
 * @param lag       unconsumed records at {@code at}
 */
record OffsetSample(Instant at, long committed, long lag) {

    static final long NONE = -1;
}
