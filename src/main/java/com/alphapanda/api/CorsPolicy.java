package com.alphapanda.api;

import com.alphapanda.core.platform.InvalidConfigurationException;
import com.alphapanda.core.platform.PlatformProperties.DeploymentEnvironment;
import java.util.List;
import org.springframework.web.cors.CorsConfiguration;

/** Turns the CORS settings into Spring's configuration, refusing the unsafe combinations at start-up. */
final class CorsPolicy {

    private static final String WILDCARD = "*";

    private CorsPolicy() {
    }

    static CorsConfiguration from(ApiProperties.Cors cors, DeploymentEnvironment environment) {
        List<String> origins = cors.origins().stream().map(String::strip).filter(o -> !o.isEmpty()).toList();
        boolean wildcard = origins.contains(WILDCARD);
        String value = String.join(",", origins);
        if (wildcard && origins.size() > 1) {
            throw new InvalidConfigurationException("alpha-panda.api.cors.origins", value,
                    "either '*' alone or explicit origins, not both");
        }
        if (wildcard && cors.credentials()) {
            throw new InvalidConfigurationException("alpha-panda.api.cors.origins", value,
                    "explicit origins when alpha-panda.api.cors.credentials=true (browsers refuse '*' with credentials)");
        }
        if (wildcard && environment == DeploymentEnvironment.PRODUCTION) {
            throw new InvalidConfigurationException("alpha-panda.api.cors.origins", value,
                    "explicit origins in the production environment ('*' is refused there)");
        }
        CorsConfiguration configuration = new CorsConfiguration();
        configuration.setAllowedOrigins(origins);
        configuration.setAllowedMethods(cors.methods());
        configuration.setAllowedHeaders(cors.headers());
        configuration.setExposedHeaders(List.of("X-Request-ID", "X-Correlation-ID", "Retry-After"));
        configuration.setAllowCredentials(cors.credentials());
        configuration.setMaxAge(cors.maxAge());
        return configuration;
    }
}
