package com.alphapanda.monitoring;

import java.time.Instant;
import java.util.Optional;

/**
 * An alert on one consumer group: raised after the breach lasted the configured number of samples, cleared by the
 * first sample without it.
 *
 * @param raisedDetail  what was observed when it was raised (e.g. {@code max lag 1500 > 1000})
 * @param clearedAt     when the breach ended; empty while the alert is active
 */
public record LagAlert(String group, AlertKind kind, Instant raisedAt, String raisedDetail,
                       Optional<Instant> clearedAt) {

    public boolean active() {
        return clearedAt.isEmpty();
    }

    LagAlert cleared(Instant at) {
        return new LagAlert(group, kind, raisedAt, raisedDetail, Optional.of(at));
    }
}
