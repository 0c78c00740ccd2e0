package com.alphapanda.monitoring;

import java.time.Instant;
import java.util.Optional;

/**
 * One stage of one broker's pipeline.
 *
 * @param events        events processed since start
 * @param ratePerSecond events per second over the last evaluation interval
 * @param lastActivity  when the stage last processed an event (this instance's clock)
 * @param lastEventTime event time of the newest event it processed
 */
public record StageReport(PipelineStage stage, long events, double ratePerSecond, Optional<Instant> lastActivity,
                          Optional<Instant> lastEventTime, StageHealth health) {
}
