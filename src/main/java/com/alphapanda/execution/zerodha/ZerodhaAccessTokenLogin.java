package com.alphapanda.execution.zerodha;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * Unattended runs: an access token given as {@code ALPHA_PANDA_ZERODHA_ACCESS_TOKEN} is checked with Kite and stored
 * as the session once the platform is up, on a thread of its own, so start-up never waits for Kite. The token is
 * never logged.
 */
final class ZerodhaAccessTokenLogin implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(ZerodhaAccessTokenLogin.class);

    private final ZerodhaProperties properties;
    private final ZerodhaLogin login;
    private final KiteSessions sessions;

    ZerodhaAccessTokenLogin(ZerodhaProperties properties, ZerodhaLogin login, KiteSessions sessions) {
        this.properties = properties;
        this.login = login;
        this.sessions = sessions;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        String token = properties.accessToken();
        if (token == null || !properties.hasCredentials()) {
            return;
        }
        if (sessions.state() instanceof SessionState.Active active && active.accessToken().equals(token)) {
            return;
        }
        Thread.ofVirtual().name("zerodha-access-token").start(this::accept);
    }

    private void accept() {
        try {
            ZerodhaLogin.Session session = login.acceptAccessToken(properties.accessToken());
            log.info("Kite session from ALPHA_PANDA_ZERODHA_ACCESS_TOKEN: user {} until {}", session.userId(),
                    session.expiresAt());
        } catch (ZerodhaLoginException e) {
            log.warn("ALPHA_PANDA_ZERODHA_ACCESS_TOKEN was not accepted: {}", e.getMessage());
        }
    }
}
