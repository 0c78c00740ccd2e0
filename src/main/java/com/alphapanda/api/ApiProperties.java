package com.alphapanda.api;

import com.alphapanda.core.platform.CrossCheckedProperties;
import com.alphapanda.core.platform.PlatformProperties;
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
 * @param rateLimit      request budgets per token by role (or per client address when anonymous)
 */
@Validated
@ConfigurationProperties("alpha-panda.api")
public record ApiProperties(
        String bootstrapToken,
        @Valid @NotNull @DefaultValue Cors cors,
        @Valid @NotNull @DefaultValue RateLimit rateLimit) implements CrossCheckedProperties {

    @Override
    public void check(PlatformProperties platform) {
        CorsPolicy.from(cors, platform.environment());
    }

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
     * Requests allowed per {@code window}: per token, with a budget by the token's role (a dashboard polling with a
     * viewer token and an operator at work never share a budget), and per client address for requests without a
     * valid token. Health checks and the live stream are never limited.
     *
     * @param enabled   false switches rate limiting off
     * @param window    the window
     * @param anonymous requests per window per client address without a valid token
     * @param viewer    requests per window per viewer token (a dashboard polling several routes every second)
     * @param operator  requests per window per operator token
     * @param admin     requests per window per admin token
     */
    public record RateLimit(
            @DefaultValue("true") boolean enabled,
            @NotNull @DurationMin(seconds = 1) @DefaultValue("60s") Duration window,
            @Min(1) @DefaultValue("60") int anonymous,
            @Min(1) @DefaultValue("1200") int viewer,
            @Min(1) @DefaultValue("600") int operator,
            @Min(1) @DefaultValue("600") int admin) {

        /** The budget of a role; {@code null} is anonymous. */
        public int requests(ApiRole role) {
            if (role == null) {
                return anonymous;
            }
            return switch (role) {
                case VIEWER -> viewer;
                case OPERATOR -> operator;
                case ADMIN -> admin;
            };
        }
    }
}
