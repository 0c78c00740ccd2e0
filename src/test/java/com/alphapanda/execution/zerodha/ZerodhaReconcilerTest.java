package com.alphapanda.execution.zerodha;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphapanda.core.event.OrderInstruction;
import com.alphapanda.core.event.SignalType;
import com.alphapanda.core.event.TradingState;
import com.alphapanda.core.id.EventId;
import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.core.id.StrategyId;
import com.alphapanda.core.jobs.ClusterJobs;
import com.alphapanda.core.money.Price;
import com.alphapanda.core.money.Quantity;
import com.alphapanda.execution.OrderRequest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Broker reconciliation against the fake Kite: drift blocks live orders and raises an alert until resolved. */
class ZerodhaReconcilerTest {

    private static ZerodhaTestDatabase db;
    private FakeKite kite;
    private ZerodhaBroker broker;
    private ZerodhaReconciler reconciler;
    private final List<String> stateChanges = new ArrayList<>();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<ClusterJobs> instances = new ArrayList<>();
    private KiteSessions sessions;
    private ZerodhaProperties properties;

    @BeforeAll
    static void startDatabase() {
        db = new ZerodhaTestDatabase();
    }

    @AfterAll
    static void stopDatabase() throws IOException {
        db.close();
    }

    @BeforeEach
    void setUp() throws IOException {
        kite = new FakeKite();
        db.clearZerodha();
        db.jdbc.sql("TRUNCATE zerodha_reconciliations").update();
        properties = ZerodhaFixture.properties(kite.url(), null);
        broker = ZerodhaFixture.broker(kite, db, properties, ZerodhaFixture.kiteLimits(db.orderBook()));
        sessions = new KiteSessions(properties, db.jdbc, Clock.systemUTC());
        sessions.save(FakeKite.USER_ID, ZerodhaFixture.ACCESS_TOKEN, "access_token");
        reconciler = instance(meters);
    }

    /** The reconciler of one more instance: its own job locks, the same database and Kite. */
    private ZerodhaReconciler instance(SimpleMeterRegistry registry) {
        ClusterJobs jobs = new ClusterJobs(db.dataSource, Duration.ofMinutes(1));
        instances.add(jobs);
        return new ZerodhaReconciler(sessions, new KiteHttp(ZerodhaFixture.HTTP, kite.url(), FakeKite.API_KEY,
                properties.requestTimeout()), broker::refresh, db.jdbc,
                (state, reason) -> stateChanges.add(state + ": " + reason), TradingState.HALTED, Clock.systemUTC(),
                registry, jobs.job(ZerodhaTradingConfiguration.RECONCILIATION_JOB));
    }

    @AfterEach
    void stopKite() {
        instances.forEach(ClusterJobs::close);
        kite.close();
    }

    private void buy(long quantity) {
        broker.place(new OrderRequest(EventId.next(), StrategyId.of("r1"), InstrumentToken.of(738561),
                SignalType.BUY, Quantity.of(quantity), Price.of("100"), OrderInstruction.MARKET_DAY, Instant.now()));
    }

    @Test
    void aBookThatMatchesKitesIsNoDriftAndLeavesTheTradingStateAlone() {
        buy(7);

        assertThat(reconciler.reconcile().drifted()).isFalse();
        assertThat(stateChanges).isEmpty();
        assertThat(ZerodhaHealth.reconciliation(reconciler.lastDrift()).getStatus().getCode()).isEqualTo("UP");
    }

    @Test
    void aDriftedPositionBlocksLiveOrdersAndRaisesAnAlertUntilItIsResolved() {
        buy(7);
        kite.addExternalPosition(738561, 5);

        PositionDrift drift = reconciler.reconcile();
        reconciler.reconcile();

        assertThat(drift.findings()).containsExactly("instrument 738561: platform net 7, Kite net 12");
        assertThat(stateChanges).singleElement().asString().startsWith("HALTED: reconciliation drift: instrument 738561");
        assertThat(meters.get("zerodha_reconciliation_drift").gauge().value()).isEqualTo(1);
        assertThat(ZerodhaHealth.reconciliation(reconciler.lastDrift()).getStatus().getCode()).isEqualTo("DOWN");
        assertThat(db.jdbc.sql("SELECT count(*) FROM zerodha_reconciliations WHERE status = 'drift'")
                .query(Long.class).single()).isEqualTo(2);

        kite.addExternalPosition(738561, -5);
        assertThat(reconciler.reconcile().drifted()).isFalse();

        assertThat(stateChanges).hasSize(2).last().asString().startsWith("ACTIVE");
        assertThat(meters.get("zerodha_reconciliation_drift").gauge().value()).isZero();
    }

    @Test
    void withTwoInstancesOnlyTheJobsOwnerReconcilesOnScheduleAndBothReportItsDrift() {
        SimpleMeterRegistry otherMeters = new SimpleMeterRegistry();
        ZerodhaReconciler other = instance(otherMeters);
        buy(7);
        kite.addExternalPosition(738561, 5);

        other.scheduled();
        assertThat(db.jdbc.sql("SELECT count(*) FROM zerodha_reconciliations").query(Long.class).single())
                .as("the second instance does not own the job").isZero();
        assertThat(other.lastDrift()).isNull();

        reconciler.scheduled();

        assertThat(stateChanges).singleElement().asString().startsWith("HALTED");
        assertThat(db.jdbc.sql("SELECT count(*) FROM zerodha_reconciliations").query(Long.class).single()).isOne();
        assertThat(other.lastDrift().findings()).containsExactly("instrument 738561: platform net 7, Kite net 12");
        assertThat(ZerodhaHealth.reconciliation(other.lastDrift()).getStatus().getCode()).isEqualTo("DOWN");
        assertThat(otherMeters.get("zerodha_reconciliation_drift").gauge().value()).isZero();

        instances.getFirst().close(); // the owner stops: its lock is released, the other instance takes the job over
        instances.getLast().check();
        kite.addExternalPosition(738561, -5);
        other.scheduled();

        assertThat(stateChanges).hasSize(2).last().asString().startsWith("ACTIVE");
        assertThat(ZerodhaHealth.reconciliation(reconciler.lastDrift()).getStatus().getCode()).isEqualTo("UP");
    }

    @Test
    void anOpenOrderAtKiteThatThePlatformDidNotPlaceIsDrift() {
        String manual = kite.placeExternalOrder();

        assertThat(reconciler.reconcile().findings())
                .containsExactly("open order " + manual + " at Kite was not placed by the platform");
        assertThat(stateChanges).singleElement().asString().startsWith("HALTED");
    }
}
