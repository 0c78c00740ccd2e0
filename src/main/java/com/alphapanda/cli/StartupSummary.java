package com.alphapanda.cli;

import com.alphapanda.core.event.Broker;
import com.alphapanda.core.platform.PlatformProperties;
import java.util.Locale;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells the user, once everything is up, where to find the platform. */
@Component
class StartupSummary {

    private static final Logger log = LoggerFactory.getLogger(StartupSummary.class);

    private final PlatformProperties platform;

    StartupSummary(PlatformProperties platform) {
        this.platform = platform;
    }

    @EventListener
    void onReady(ApplicationReadyEvent event) {
        String url = event.getApplicationContext() instanceof WebServerApplicationContext web
                ? "http://localhost:" + web.getWebServer().getPort()
                : "(no web server)";
        log.info("Alpha Panda is up at {} (health: {}/actuator/health, info: {}/actuator/info); brokers: {}; "
                + "environment: {}", url, url, url,
                platform.brokers().stream().map(Broker::id).collect(Collectors.joining(",")),
                platform.environment().name().toLowerCase(Locale.ROOT));
    }
}
