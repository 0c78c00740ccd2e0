package com.alphapanda.monitoring;

/** What a consumer-lag alert is about; the {@code kind} label of {@code consumer_lag_alerts_total}. */
public enum AlertKind {
    /** A partition's message lag above {@code consumer-lag-threshold}. */
    LAG_MESSAGES,
    /** A partition's time lag above {@code consumer-lag-seconds-threshold}. */
    LAG_SECONDS,
    /** The group's status is STALL, STOP or REWIND. */
    GROUP_STATUS;

    /** The metric label value. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
