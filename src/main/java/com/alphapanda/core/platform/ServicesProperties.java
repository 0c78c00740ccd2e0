package com.alphapanda.core.platform;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code alpha-panda.services}: which services this instance runs (see {@link Service}); {@code all} by default.
 * Checked against {@code alpha-panda.brokers} with the rest of the configuration, before any server starts.
 *
 * @param services service names, or {@code all}
 */
@ConfigurationProperties("alpha-panda")
public record ServicesProperties(@DefaultValue("all") List<String> services) implements CrossCheckedProperties {

    public ServicesProperties {
        services = services == null ? List.of("all") : List.copyOf(services);
    }

    @Override
    public void check(PlatformProperties platform) {
        selection(platform);
    }

    /** The parsed selection. */
    public Services selection(PlatformProperties platform) {
        return Services.parse(services, platform.brokers());
    }
}
