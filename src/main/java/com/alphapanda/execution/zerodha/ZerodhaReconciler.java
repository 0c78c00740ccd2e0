package com.alphapanda.execution.zerodha;

import com.alphapanda.core.event.TradingState;
import com.alphapanda.core.jobs.ClusterJob;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import tools.jackson.databind.JsonNode;

/**
 * Compares the platform's zerodha book with Kite's at start-up and every {@code reconciliation-interval}: working
 * orders and their fills are brought up to date first, then the day's net quantity per instrument from our fills is
 * compared with Kite's day positions ({@code GET /portfolio/positions}), and open orders at Kite that the platform did
 * not place are flagged. Unexplained drift blocks new live orders (trading state {@code on-drift}: HALTED or
 * REDUCING), raises an alert (ERROR log, gauge {@code zerodha_reconciliation_drift}, health DOWN) and is recorded in
 * {@code zerodha_reconciliations}; when a later run finds no drift, the state this reconciler set is cleared.
 * Across instances the scheduled run is the cluster job {@code zerodha.reconciliation}: one instance runs it, and
 * every instance reports the drift last recorded (the owner's).
 */
final class ZerodhaReconciler {

    private static final Logger log = LoggerFactory.getLogger(ZerodhaReconciler.class);

    /** Sets and clears the broker's trading state (the risk manager's control). */
    interface TradingStateSwitch {
        void set(TradingState state, String reason);
    }

    private final KiteSessions sessions;
    private final KiteHttp kite;
    private final Runnable checkWorkingOrders;
    private final JdbcClient jdbc;
    private final TradingStateSwitch tradingState;
    private final TradingState onDrift;
    private final Clock clock;
    private final ClusterJob job;
    private final AtomicInteger driftGauge = new AtomicInteger();
    private final AtomicReference<PositionDrift> last = new AtomicReference<>();

    ZerodhaReconciler(KiteSessions sessions, KiteHttp kite, Runnable checkWorkingOrders, JdbcClient jdbc,
                      TradingStateSwitch tradingState, TradingState onDrift, Clock clock, MeterRegistry meters,
                      ClusterJob job) {
        this.sessions = sessions;
        this.kite = kite;
        this.checkWorkingOrders = checkWorkingOrders;
        this.jdbc = jdbc;
        this.tradingState = tradingState;
        this.onDrift = onDrift;
        this.clock = clock;
        this.job = job;
        meters.gauge("zerodha_reconciliation_drift", driftGauge);
    }

    /**
     * The last run's drift: this instance's while it runs the job, else the one last recorded by whichever instance
     * ran it (null before the first run with a session).
     */
    PositionDrift lastDrift() {
        PositionDrift mine = last.get();
        if (mine != null && job.owned()) {
            return mine;
        }
        return jdbc.sql("SELECT drift::text FROM zerodha_reconciliations ORDER BY ran_at DESC LIMIT 1")
                .query(String.class).optional()
                .map(json -> new PositionDrift(List.of(KiteHttp.JSON.readValue(json, String[].class))))
                .orElse(mine);
    }

    @Scheduled(initialDelayString = "10s", fixedDelayString = "${alpha-panda.zerodha.reconciliation-interval:5m}")
    void scheduled() {
        if (!job.owned()) {
            return; // another instance runs the reconciliation
        }
        try {
            reconcile();
        } catch (KiteUnavailableException e) {
            log.warn("Zerodha reconciliation could not run: {}", e.getMessage());
        }
    }

    /** One comparison; returns the drift found (empty findings: none). */
    synchronized PositionDrift reconcile() {
        if (!(sessions.state() instanceof SessionState.Active active)) {
            return new PositionDrift(List.of());
        }
        checkWorkingOrders.run();
        PositionDrift drift = PositionDrift.compare(internalNet(), kiteNet(active.accessToken()),
                unknownOpenOrders(active.accessToken()));
        boolean drifted = previouslyDrifted();
        last.set(drift);
        driftGauge.set(drift.findings().size());
        String action = "none";
        if (drift.drifted()) {
            log.error("ALERT: zerodha book drifted from Kite's: {}", drift.findings());
            if (!drifted) {
                tradingState.set(onDrift, ZerodhaTradingEngine.bounded("reconciliation drift: "
                        + String.join("; ", drift.findings())));
                action = "trading state " + onDrift;
            }
        } else if (drifted) {
            tradingState.set(TradingState.ACTIVE, "reconciliation: no drift with Kite any more");
            action = "trading state ACTIVE";
        }
        record(drift, action);
        return drift;
    }

    /** Whether the last recorded run found drift (this reconciler then set the trading state). */
    private boolean previouslyDrifted() {
        return jdbc.sql("SELECT status FROM zerodha_reconciliations ORDER BY ran_at DESC LIMIT 1")
                .query(String.class).optional().map("drift"::equals).orElse(false);
    }

    private Map<Long, Long> internalNet() {
        Instant dayStart = LocalDate.now(clock.withZone(KiteSessionExpiry.IST)).atStartOfDay(KiteSessionExpiry.IST)
                .toInstant();
        Map<Long, Long> net = new HashMap<>();
        jdbc.sql("""
                SELECT o.instrument_token, sum(CASE WHEN o.side = 'BUY' THEN f.quantity ELSE -f.quantity END)
                FROM zerodha_fills f JOIN zerodha_orders o ON o.order_id = f.order_id
                WHERE f.filled_at >= :since GROUP BY o.instrument_token""")
                .param("since", Timestamp.from(dayStart))
                .query(rs -> { net.put(rs.getLong(1), rs.getLong(2)); });
        net.values().removeIf(q -> q == 0);
        return net;
    }

    private Map<Long, Long> kiteNet(String token) {
        JsonNode data = read(kite.get("portfolio/positions", token), "positions");
        Map<Long, Long> net = new HashMap<>();
        data.path("day").forEach(p -> net.merge(p.path("instrument_token").asLong(), p.path("quantity").asLong(),
                Long::sum));
        net.values().removeIf(q -> q == 0);
        return net;
    }

    private Set<String> unknownOpenOrders(String token) {
        Set<String> unknown = new HashSet<>();
        read(kite.get("orders", token), "orders").forEach(o -> {
            KiteOrder order = KiteOrder.of(o);
            boolean open = "OPEN".equals(order.status()) || "TRIGGER PENDING".equals(order.status());
            boolean ours = jdbc.sql("SELECT count(*) FROM zerodha_orders WHERE order_id = :id OR tag = :tag")
                    .param("id", order.orderId()).param("tag", order.tag() == null ? "" : order.tag())
                    .query(Long.class).single() > 0;
            if (open && !ours) {
                unknown.add(order.orderId());
            }
        });
        return unknown;
    }

    private static JsonNode read(KiteResult result, String what) {
        return switch (result) {
            case KiteResult.Ok ok -> ok.data();
            case KiteResult.Refused refused -> throw new KiteUnavailableException("Kite refused the " + what
                    + " request: " + refused.message());
            case KiteResult.Ambiguous ambiguous -> throw new KiteUnavailableException("Kite's " + what
                    + " could not be read: " + ambiguous.message());
        };
    }

    private void record(PositionDrift drift, String action) {
        jdbc.sql("""
                INSERT INTO zerodha_reconciliations (id, ran_at, status, drift, action)
                VALUES (:id, :at, :status, CAST(:drift AS jsonb), :action)""")
                .param("id", UUID.randomUUID()).param("at", Timestamp.from(clock.instant()))
                .param("status", drift.drifted() ? "drift" : "ok")
                .param("drift", KiteHttp.JSON.writeValueAsString(drift.findings())).param("action", action)
                .update();
    }
}
