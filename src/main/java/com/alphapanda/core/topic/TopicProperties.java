package com.alphapanda.core.topic;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Topic provisioning under {@code alpha-panda.topics}.
 *
 * @param replicationFactor replication factor of created topics; 0 picks min(3, number of brokers in the cluster)
 */
@Validated
@ConfigurationProperties("alpha-panda.topics")
public record TopicProperties(
        @Min(0) @Max(7) @DefaultValue("0") int replicationFactor) {
}
