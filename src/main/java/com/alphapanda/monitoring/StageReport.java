package com.alphapanda.monitoring;

import java.time.Instant;
import java.util.Optional;

/**
 * One stage of one broker's pipeline.
 *
 * @param events        events processed since start, summed over the instances
 * @param ratePerSecond events per second over the last evaluation interval, summed over the instances
 * @param lastActivity  when the stage last processed an event on any instance (that instance's clock)
 * @param lastEventTime event time of the newest event it processed on any instance
 */
public record StageReport(PipelineStage stage, long events, double ratePerSecond, Optional<Instant> lastActivity,
                          Optional<Instant> lastEventTime, StageHealth health) {
}
