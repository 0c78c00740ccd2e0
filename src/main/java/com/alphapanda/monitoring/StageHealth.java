package com.alphapanda.monitoring;

import com.fasterxml.jackson.annotation.JsonValue;

/** Health of a pipeline stage; {@link #code()} is the value of the {@code pipeline_stage_status} gauge. */
public enum StageHealth {
    /** Events seen within the stale-after period. */
    HEALTHY,
    /** A continuous stage silent for longer than the stale-after period while the market is open. */
    DEGRADED,
    /** Nothing to do: the market is closed, or (for signal-driven stages) no recent input. */
    IDLE;

    /** As written to JSON: {@code healthy}, {@code degraded}, {@code idle}. */
    @JsonValue
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** 0 healthy, 1 degraded, 2 idle. */
    public int code() {
        return ordinal();
    }
}
