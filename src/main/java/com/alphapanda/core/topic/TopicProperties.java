package com.alphapanda.core.topic;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Topic provisioning under {@code alpha-panda.topics}.
 *
 * @param replicationFactor replication factor of created topics; 0 picks min(3, number of brokers in the cluster)
 * @param deadLetterRetentionHours how long dead-letter topics keep records (default 168 h = 7 days)
 */
@Validated
@ConfigurationProperties("alpha-panda.topics")
public record TopicProperties(
        @Min(0) @Max(7) @DefaultValue("0") int replicationFactor,
        @Min(1) @DefaultValue("168") int deadLetterRetentionHours) {

    public Duration deadLetterRetention() {
        return Duration.ofHours(deadLetterRetentionHours);
    }
}
