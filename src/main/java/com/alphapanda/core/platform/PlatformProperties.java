package com.alphapanda.core.platform;

import com.alphapanda.core.event.Broker;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Platform-wide settings under {@code alpha-panda}.
 *
 * @param brokers     the enabled brokers ({@code paper}, {@code zerodha}); their topics are created at start-up
 * @param environment {@code development}, {@code staging} or {@code production}
 * @param dataDir     where the embedded servers keep their data between runs
 * @param instanceId  names this instance in Kafka client ids and transactional ids; unique per running instance
 * @param demo        the first-run demo (demo strategies on the bundled instruments, a simulated session clock that
 *                    runs ten times faster); only ever active in {@code development}, see {@link #demoActive()}
 */
@Validated
@ConfigurationProperties("alpha-panda")
public record PlatformProperties(
        @NotEmpty @DefaultValue("paper") List<@NotNull Broker> brokers,
        @NotNull @DefaultValue("development") DeploymentEnvironment environment,
        @NotNull @DefaultValue("${user.home}/.alpha-panda") Path dataDir,
        @NotBlank @DefaultValue("alpha-panda-1") String instanceId,
        @DefaultValue("true") boolean demo) {

    public PlatformProperties {
        brokers = brokers == null ? List.of(Broker.PAPER) : List.copyOf(brokers);
    }

    /** Whether the demo runs: asked for ({@code alpha-panda.demo}, default true) and in development; never otherwise. */
    public boolean demoActive() {
        return demo && environment == DeploymentEnvironment.DEVELOPMENT;
    }

    /** The deployment environment; {@code production} tightens start-up checks. */
    public enum DeploymentEnvironment {
        DEVELOPMENT, STAGING, PRODUCTION
    }
}
