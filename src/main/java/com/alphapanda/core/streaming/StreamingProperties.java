package com.alphapanda.core.streaming;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Map;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Under {@code alpha-panda.streaming}: how consumers retry transient failures before dead-lettering a record.
 *
 * @param retry        the default for every service
 * @param serviceRetry overrides per service, keyed by the service part of its consumer group
 *                     ({@code alpha-panda.<service>.<purpose>}), e.g. {@code portfolio-manager}
 * @param dlq          dead-letter topics
 */
@Validated
@ConfigurationProperties("alpha-panda.streaming")
public record StreamingProperties(
        @Valid @NotNull @DefaultValue Retry retry,
        @Valid @NotNull @DefaultValue Map<String, @Valid Retry> serviceRetry,
        @Valid @NotNull @DefaultValue Dlq dlq) {

    /**
     * @param enabled        false: no dead-letter topics; a record that cannot be processed is retried forever and
     *                       blocks its partition (logged at every attempt) rather than being skipped
     * @param retentionHours how long dead-letter topics keep records (default 168 h = 7 days)
     */
    public record Dlq(@DefaultValue("true") boolean enabled, @Min(1) @DefaultValue("168") int retentionHours) {

        /** The retention of dead-letter topics, or null when dead-lettering is off. */
        public Duration retention() {
            return enabled ? Duration.ofHours(retentionHours) : null;
        }
    }

    /** The retry settings of the service owning a consumer group. */
    public Retry retryFor(String groupId) {
        String[] parts = groupId == null ? new String[0] : groupId.split("\\.");
        String service = parts.length >= 2 ? parts[1] : "";
        return serviceRetry.getOrDefault(service, retry);
    }

    /**
     * Exponential back-off in place (the partition waits, so ordering is kept).
     *
     * @param maxAttempts     deliveries in all, the first included; then the record is dead-lettered
     * @param initialInterval wait before the second delivery
     * @param multiplier      growth of the wait per attempt
     * @param maxInterval     cap of the wait
     */
    public record Retry(
            @Min(1) @DefaultValue("3") int maxAttempts,
            @NotNull @DurationMin(millis = 1) @DefaultValue("2s") Duration initialInterval,
            @DecimalMin("1.0") @DefaultValue("2.0") double multiplier,
            @NotNull @DurationMin(millis = 1) @DefaultValue("30s") Duration maxInterval) {
    }
}
