package com.alphapanda.api;

import com.alphapanda.core.platform.PlatformProperties;
import com.alphapanda.core.platform.PlatformProperties.DeploymentEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Makes sure someone can use the API: the configured bootstrap token is ensured as an admin token; in development
 * with none configured and no admin token yet, one is created and printed once.
 */
@Component
class TokenBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(TokenBootstrap.class);

    private final ApiTokens tokens;
    private final ApiProperties api;
    private final PlatformProperties platform;

    TokenBootstrap(ApiTokens tokens, ApiProperties api, PlatformProperties platform) {
        this.tokens = tokens;
        this.api = api;
        this.platform = platform;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (api.bootstrapToken() != null && !api.bootstrapToken().isBlank()) {
            tokens.ensureAdmin("bootstrap", api.bootstrapToken());
            log.info("Bootstrap admin token ensured (alpha-panda.api.bootstrap-token)");
            return;
        }
        if (tokens.hasActiveAdmin()) {
            return;
        }
        if (platform.environment() == DeploymentEnvironment.DEVELOPMENT) {
            ApiTokens.CreatedToken created = tokens.create("development admin", ApiRole.ADMIN, null);
            log.warn("No admin API token existed: created one. It is shown only this once; keep it:\n\n"
                    + "    export ALPHA_PANDA_TOKEN={}\n", created.secret());
        } else {
            log.warn("No admin API token exists: set alpha-panda.api.bootstrap-token (ALPHA_PANDA_API_BOOTSTRAP_TOKEN)"
                    + " or run './alpha-panda tokens create --role admin --name NAME'");
        }
    }
}
