package com.alphapanda.core.jobs;

import java.util.concurrent.atomic.AtomicLong;

/**
 * One cluster-wide job as seen by this instance: whether this instance owns it now, and the ownership's epoch (a
 * number that changes each time this instance acquires it again, so state cached while owning can be dropped).
 */
public final class ClusterJob {

    private static final long NOT_OWNED = -1;
    private static final AtomicLong EPOCHS = new AtomicLong();

    private final String name;
    private volatile long epoch = NOT_OWNED;

    ClusterJob(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** True while this instance holds the job's lock. */
    public boolean owned() {
        return epoch != NOT_OWNED;
    }

    /** The current ownership's epoch, or -1 when this instance does not own the job. */
    public long epoch() {
        return epoch;
    }

    void acquired() {
        epoch = EPOCHS.incrementAndGet();
    }

    void lost() {
        epoch = NOT_OWNED;
    }

    @Override
    public String toString() {
        return name + (owned() ? " (owned)" : " (not owned)");
    }
}
