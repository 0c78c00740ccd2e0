package com.alphapanda.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Under {@code alpha-panda.api}.
 *
 * @param bootstrapToken an admin token ensured at start-up (environment {@code ALPHA_PANDA_API_BOOTSTRAP_TOKEN});
 *                       when unset in development and no admin token exists, one is created and printed once
 * @param cors           cross-origin settings
 * @param rateLimit      request limits per token (or per client address when anonymous)
 */
@Validated
@ConfigurationProperties("alpha-panda.api")
public record ApiProperties(
        String bootstrapToken,
        @Valid @NotNull @DefaultValue Cors cors,
        @Valid @NotNull @DefaultValue RateLimit rateLimit) {

    /**
     * CORS (seed plan §2.3). {@code *} is refused mixed with explicit origins, with credentials, and in production.
     */
    public record Cors(
            @NotNull @DefaultValue({"http://localhost:3000", "http://localhost:8080"}) List<String> origins,
            @NotNull @DefaultValue({"GET", "POST", "PUT", "DELETE", "OPTIONS"}) List<String> methods,
            @NotNull @DefaultValue({"Authorization", "Content-Type", "X-Request-ID", "X-Correlation-ID"})
            List<String> headers,
            @DefaultValue("true") boolean credentials,
            @NotNull @DurationMin(seconds = 0) @DefaultValue("1h") Duration maxAge) {
    }

    /**
     * @param enabled  false switches rate limiting off
     * @param requests requests allowed per window and client
     * @param window   the window
     */
    public record RateLimit(
            @DefaultValue("true") boolean enabled,
            @Min(1) @DefaultValue("100") int requests,
            @NotNull @DurationMin(seconds = 1) @DefaultValue("60s") Duration window) {
    }
}
