package com.alphapanda.embedded;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Embedded servers under {@code alpha-panda.embedded}.
 *
 * @param enabled      false starts no embedded server at all
 * @param storage      {@code persistent} keeps data under {@code alpha-panda.data-dir}; {@code temporary} uses a
 *                     temporary directory removed at exit ({@code run --fresh}, tests)
 * @param kafkaPort    Kafka listener port; 0 picks a free port
 * @param postgresPort PostgreSQL port; 0 picks a free port
 * @param redisPort    Redis port; 0 picks a free port
 */
@Validated
@ConfigurationProperties("alpha-panda.embedded")
public record EmbeddedProperties(
        @DefaultValue("true") boolean enabled,
        @NotNull @DefaultValue("persistent") Storage storage,
        @Min(0) @Max(65535) @DefaultValue("0") int kafkaPort,
        @Min(0) @Max(65535) @DefaultValue("0") int postgresPort,
        @Min(0) @Max(65535) @DefaultValue("0") int redisPort) {

    /** Where the embedded servers keep their data. */
    public enum Storage {
        PERSISTENT, TEMPORARY
    }
}
