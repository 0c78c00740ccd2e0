package com.alphapanda.cli;

import com.alphapanda.core.event.Broker;
import com.alphapanda.core.platform.PlatformProperties;
import com.alphapanda.core.platform.Services;
import java.util.Locale;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Tells the user, once everything is up, where to find the platform — and, in the demo, what to look at. Ordered
 * before the other start-up listeners, so the development admin token box comes after it.
 */
@Component
class StartupSummary {

    private static final Logger log = LoggerFactory.getLogger(StartupSummary.class);

    private final PlatformProperties platform;
    private final Services services;

    StartupSummary(PlatformProperties platform, Services services) {
        this.platform = platform;
        this.services = services;
    }

    @EventListener
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void onReady(ApplicationReadyEvent event) {
        String url = event.getApplicationContext() instanceof WebServerApplicationContext web
                ? "http://localhost:" + web.getWebServer().getPort()
                : "(no web server)";
        log.info("Alpha Panda is up at {} (health: {}/actuator/health, info: {}/actuator/info); brokers: {}; "
                + "environment: {}; instance {} runs: {}", url, url, url,
                platform.brokers().stream().map(Broker::id).collect(Collectors.joining(",")),
                platform.environment().name().toLowerCase(Locale.ROOT), platform.instanceId(), services);
        if (platform.demoActive()) {
            log.info(demoGuide(url));
        }
    }

    /** What a new user sees within a minute of the demo, and where. */
    static String demoGuide(String url) {
        return String.join("\n", "Demo mode (development only; --alpha-panda.demo=false turns it off): demo_* "
                        + "strategies trade the 20 bundled instruments on the simulated feed. Within a minute:",
                "  signals and risk decisions  " + url + "/api/v1/signals",
                "  orders and fills            " + url + "/api/v1/orders   " + url + "/api/v1/fills",
                "  portfolios (cash, PnL)      " + url + "/api/v1/portfolios",
                "  live stream (SSE)           curl -N -H \"Authorization: Bearer $ALPHA_PANDA_TOKEN\" " + url
                        + "/api/v1/stream",
                "  pipeline health             " + url + "/api/v1/monitoring/pipeline");
    }
}
