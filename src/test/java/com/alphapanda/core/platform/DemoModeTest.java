package com.alphapanda.core.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphapanda.core.event.Broker;
import com.alphapanda.core.platform.PlatformProperties.DeploymentEnvironment;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class DemoModeTest {

    private static PlatformProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("alpha-panda", PlatformProperties.class);
    }

    @Test
    void theDemoIsOnByDefaultInDevelopment() {
        assertThat(bind(Map.of()).demoActive()).isTrue();
    }

    @Test
    void theDemoIsOffWhenAskedAndNeverInProductionOrStaging() {
        assertThat(bind(Map.of("alpha-panda.demo", "false")).demoActive()).isFalse();
        assertThat(bind(Map.of("alpha-panda.environment", "production")).demoActive()).isFalse();
        assertThat(bind(Map.of("alpha-panda.environment", "production", "alpha-panda.demo", "true")).demoActive())
                .isFalse();
        assertThat(new PlatformProperties(List.of(Broker.PAPER), DeploymentEnvironment.STAGING, Path.of("x"), "i",
                true).demoActive()).isFalse();
    }
}
