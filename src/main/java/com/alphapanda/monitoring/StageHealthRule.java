package com.alphapanda.monitoring;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/**
 * Health of a stage from its last activity: healthy when it processed something within {@code staleAfter};
 * otherwise idle when the market is closed; otherwise degraded for a continuous stage (ticks must flow while the
 * market is open) and idle for a signal-driven one (no signal is not a fault; a stuck consumer shows as consumer-lag
 * STALL/STOP instead).
 */
final class StageHealthRule {

    private StageHealthRule() {
    }

    static StageHealth evaluate(PipelineStage stage, Optional<Instant> lastActivity, Instant now, boolean marketOpen,
                                Duration staleAfter) {
        if (lastActivity.isPresent() && Duration.between(lastActivity.get(), now).compareTo(staleAfter) <= 0) {
            return StageHealth.HEALTHY;
        }
        if (!marketOpen) {
            return StageHealth.IDLE;
        }
        return stage.continuous() ? StageHealth.DEGRADED : StageHealth.IDLE;
    }

    static StageHealth overall(Collection<StageHealth> stages) {
        if (stages.contains(StageHealth.DEGRADED)) {
            return StageHealth.DEGRADED;
        }
        return stages.contains(StageHealth.HEALTHY) ? StageHealth.HEALTHY : StageHealth.IDLE;
    }
}
