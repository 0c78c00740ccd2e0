package com.alphapanda.api;

import com.alphapanda.core.platform.PlatformProperties;
import com.alphapanda.core.platform.PlatformProperties.DeploymentEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import java.util.List;

/**
 * Makes sure someone can use the API: the configured bootstrap token is ensured as an admin token; in development
 * with none configured and no admin token yet, one is created and printed once — last, after the start-up summary,
 * in a box that is hard to miss.
 */
@Component
class TokenBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(TokenBootstrap.class);

    private final ApiTokens tokens;
    private final ApiProperties api;
    private final PlatformProperties platform;
    private volatile String createdSecret;

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
            createdSecret = tokens.create("development admin", ApiRole.ADMIN, null).secret();
            log.info("No admin API token existed: created one (development); it is shown once, after start-up");
        } else {
            log.warn("No admin API token exists: set alpha-panda.api.bootstrap-token (ALPHA_PANDA_API_BOOTSTRAP_TOKEN)"
                    + " or run './alpha-panda tokens create --role admin --name NAME'");
        }
    }

    /** After everything else that is printed at start-up (the summary is ordered before this). */
    @EventListener
    @Order(Ordered.LOWEST_PRECEDENCE)
    void onReady(ApplicationReadyEvent event) {
        String secret = createdSecret;
        if (secret != null) {
            createdSecret = null;
            String url = event.getApplicationContext() instanceof WebServerApplicationContext web
                    ? "http://localhost:" + web.getWebServer().getPort() : "http://localhost:8080";
            log.warn(box(secret, url));
        }
    }

    static String box(String secret, String url) {
        List<String> lines = List.of("Your admin API token (created now, shown only this once; keep it):", "",
                "  export ALPHA_PANDA_TOKEN=" + secret, "",
                "Then: curl -H \"Authorization: Bearer $ALPHA_PANDA_TOKEN\" " + url + "/api/v1/signals",
                "Lost it? ./alpha-panda tokens create --role admin --name me");
        int width = lines.stream().mapToInt(String::length).max().orElse(0);
        StringBuilder box = new StringBuilder("\n").append("#".repeat(width + 6)).append('\n');
        lines.forEach(l -> box.append("## ").append(l).append(" ".repeat(width - l.length())).append(" ##\n"));
        return box.append("#".repeat(width + 6)).toString();
    }
}
