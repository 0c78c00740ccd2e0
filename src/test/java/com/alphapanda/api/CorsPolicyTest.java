package com.alphapanda.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphapanda.core.platform.InvalidConfigurationException;
import com.alphapanda.core.platform.PlatformProperties.DeploymentEnvironment;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.web.cors.CorsConfiguration;

class CorsPolicyTest {

    private static ApiProperties.Cors cors(List<String> origins, boolean credentials) {
        return new ApiProperties.Cors(origins, List.of("GET", "POST", "PUT", "DELETE", "OPTIONS"),
                List.of("Authorization", "Content-Type", "X-Request-ID", "X-Correlation-ID"), credentials,
                Duration.ofHours(1));
    }

    @Test
    void seedDefaultsAllowTheTwoLocalOriginsWithCredentials() {
        CorsConfiguration c = CorsPolicy.from(cors(List.of("http://localhost:3000", "http://localhost:8080"), true),
                DeploymentEnvironment.DEVELOPMENT);
        assertThat(c.checkOrigin("http://localhost:3000")).isEqualTo("http://localhost:3000");
        assertThat(c.checkOrigin("http://evil.example")).isNull();
        assertThat(c.getAllowCredentials()).isTrue();
        assertThat(c.getAllowedHeaders()).contains("X-Correlation-ID");
    }

    @Test
    void wildcardMixedWithExplicitOriginsIsRefusedEverywhere() {
        assertThatThrownBy(() -> CorsPolicy.from(cors(List.of("*", "http://a.example"), false),
                DeploymentEnvironment.DEVELOPMENT))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("alpha-panda.api.cors.origins");
    }

    @Test
    void wildcardWithCredentialsIsRefused() {
        assertThatThrownBy(() -> CorsPolicy.from(cors(List.of("*"), true), DeploymentEnvironment.STAGING))
                .isInstanceOf(InvalidConfigurationException.class).hasMessageContaining("credentials");
    }

    @Test
    void wildcardIsRefusedInProductionButAllowedElsewhereWithoutCredentials() {
        assertThatThrownBy(() -> CorsPolicy.from(cors(List.of("*"), false), DeploymentEnvironment.PRODUCTION))
                .isInstanceOf(InvalidConfigurationException.class).hasMessageContaining("production");
        assertThat(CorsPolicy.from(cors(List.of("*"), false), DeploymentEnvironment.DEVELOPMENT)
                .checkOrigin("http://any.example")).isEqualTo("*");
    }
}
