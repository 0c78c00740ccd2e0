package com.alphapanda.execution.zerodha;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The {@code zerodha} health components: {@code session} (DOWN with the reason when there is no usable Kite session),
 * {@code orders} (DOWN with the same reason: signals are being refused) and {@code reconciliation} (DOWN with the
 * drift while the book differs from Kite's). Never a token or secret in the details.
 */
final class ZerodhaHealth {

    private ZerodhaHealth() {
    }

    static CompositeHealthContributor of(KiteSessions sessions, boolean liveTradingEnabled,
                                         ZerodhaReconciler reconciler) {
        Map<String, HealthContributor> components = new LinkedHashMap<>();
        components.put("session", (HealthIndicator) () -> session(sessions.state()));
        components.put("orders", (HealthIndicator) () -> orders(sessions.state(), liveTradingEnabled));
        components.put("reconciliation", (HealthIndicator) () -> reconciliation(reconciler.lastDrift()));
        return CompositeHealthContributor.fromMap(components);
    }

    static Health reconciliation(PositionDrift drift) {
        if (drift == null) {
            return Health.unknown().withDetail("reason", "not run yet (needs a Kite session)").build();
        }
        return drift.drifted() ? Health.down().withDetail("drift", drift.findings()).build()
                : Health.up().build();
    }

    static Health session(SessionState state) {
        return switch (state) {
            case SessionState.Active active -> Health.up().withDetail("userId", active.userId())
                    .withDetail("expiresAt", active.expiresAt().toString()).build();
            case SessionState.Unavailable unavailable -> Health.down().withDetail("reason", unavailable.reason())
                    .build();
        };
    }

    static Health orders(SessionState state, boolean liveTradingEnabled) {
        return switch (state) {
            case SessionState.Active active -> Health.up().withDetail("liveTradingEnabled", liveTradingEnabled)
                    .withDetail("mode", liveTradingEnabled ? "orders are sent to Kite"
                            : "signals are refused: alpha-panda.zerodha.live-trading-enabled=false").build();
            case SessionState.Unavailable unavailable -> Health.down().withDetail("liveTradingEnabled",
                    liveTradingEnabled).withDetail("reason", "signals are refused: " + unavailable.reason()).build();
        };
    }
}
