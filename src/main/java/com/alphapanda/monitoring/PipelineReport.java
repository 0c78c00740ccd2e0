package com.alphapanda.monitoring;

import com.alphapanda.core.event.Broker;
import java.time.Instant;
import java.util.List;

/**
 * Pipeline liveness of every enabled broker at one evaluation.
 *
 * @param marketOpen whether the exchange session is open at {@code evaluatedAt}
 * @param instances  the instances whose activity it includes (this one and those that published lately)
 */
public record PipelineReport(Instant evaluatedAt, boolean marketOpen, List<String> instances,
                             List<BrokerPipeline> brokers) {

    public PipelineReport {
        instances = List.copyOf(instances);
        brokers = List.copyOf(brokers);
    }

    /**
     * One broker's pipeline, the shared market feed first. Its health is degraded if any stage is, otherwise
     * healthy if any stage is, otherwise idle.
     */
    public record BrokerPipeline(Broker broker, StageHealth health, List<StageReport> stages) {

        public BrokerPipeline {
            stages = List.copyOf(stages);
        }
    }
}
