package com.alphapanda.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.alphapanda.ApiTestClient;
import com.alphapanda.PipelineTestSupport;
import com.alphapanda.core.event.Broker;
import com.alphapanda.core.event.Envelope;
import com.alphapanda.core.event.MarketTick;
import com.alphapanda.core.event.OrderFilled;
import com.alphapanda.core.event.PnlSnapshot;
import com.alphapanda.core.event.SignalType;
import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.core.id.StrategyId;
import com.alphapanda.core.json.EventJson;
import com.alphapanda.core.money.Money;
import com.alphapanda.core.money.Price;
import com.alphapanda.core.money.Quantity;
import com.alphapanda.core.streaming.EventPublisher;
import com.alphapanda.core.streaming.Envelopes;
import com.alphapanda.core.topic.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Snapshots of replayed days, checksums, drift detection and repair, idempotent storage, and the history API. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "alpha-panda.brokers=paper,zerodha")
class PnlReconciliationIT {

    /** A past NSE trading day (Tuesday, no holiday). */
    static final Instant DAY = Instant.parse("2026-11-17T00:00:00Z");
    static final Instant AT_0920_IST = Instant.parse("2026-11-17T03:50:00Z");
    static final Instant AT_0931_IST = Instant.parse("2026-11-17T04:01:00Z");
    static final Instant AT_1531_IST = Instant.parse("2026-11-17T10:01:00Z");
    static final Instant CLOSE_1530_IST = Instant.parse("2026-11-17T10:00:00Z");

    @Autowired
    EventPublisher publisher;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    KafkaListenerEndpointRegistry listeners;
    @Autowired
    MeterRegistry meters;
    @LocalServerPort
    int port;

    final StrategyId strategy = PipelineTestSupport.freshStrategy("recon");
    final InstrumentToken instrument = PipelineTestSupport.freshInstrument();

    @Test
    void aReplayedTradingDayHasPeriodicAndEndOfDaySnapshotsWithCorrectTotalsAndAPagedHistory() {
        fill("1", SignalType.BUY, 10, "100.50", "1.00", AT_0920_IST);
        fill("2", SignalType.SELL, 4, "102", "0.50", AT_0931_IST);
        awaitReadModel(2); // ticks and fills are separate topics: the replay feeds the tick after the fill is booked
        publish(Topics.MARKET_TICKS, MarketTick.ltp(instrument, Price.of("103"), AT_1531_IST));

        // periodic every 5 min from 09:25 to 15:25 (73) and the close at 15:30
        await().atMost(Duration.ofSeconds(60)).until(() -> validated() == 74);
        List<StoredSnapshot> all = history(null);
        assertThat(all).extracting(StoredSnapshot::validationStatus).containsOnly("reconciled");
        StoredSnapshot first = all.getFirst();
        assertThat(first.snapshotTime()).isEqualTo(Instant.parse("2026-11-17T03:55:00Z"));
        assertThat(first.snapshotType()).isEqualTo("periodic");
        assertThat(first.totalPnl()).isEqualByComparingTo("-1.00");
        assertThat(first.cashBalance()).isEqualByComparingTo("998994");
        assertThat(all.get(2).snapshotTime()).isEqualTo(Instant.parse("2026-11-17T04:05:00Z"));
        assertThat(all.get(2).totalRealized()).isEqualByComparingTo("6");
        StoredSnapshot eod = all.getLast();
        assertThat(eod.snapshotType()).isEqualTo("end_of_day");
        assertThat(eod.snapshotTime()).isEqualTo(CLOSE_1530_IST);
        assertThat(eod.totalRealized()).isEqualByComparingTo("6");
        assertThat(eod.fees()).isEqualByComparingTo("1.50");
        assertThat(eod.totalPnl()).isEqualByComparingTo("4.50");
        assertThat(eod.cashBalance()).isEqualByComparingTo("999401.50");
        assertThat(eod.ledgerFillCount()).isEqualTo(2);
        assertThat(eod.positions()).singleElement().satisfies(p -> assertThat(p.quantity()).isEqualTo(6));
        assertThat(SnapshotChecksum.of(eod.toEvent())).as("checksum recomputed from the stored fields")
                .isEqualTo(eod.checksum()).hasSize(64).matches("[0-9a-f]+");

        ApiTestClient api = new ApiTestClient(port);
        String base = "/api/v1/portfolios/paper/" + strategy.value() + "/snapshots";
        JsonNode page0 = api.get(base + "?size=10");
        assertThat(page0.get("total").asLong()).isEqualTo(74);
        assertThat(page0.get("items")).hasSize(10);
        assertThat(page0.get("items").get(0).get("snapshotTime").asString()).isEqualTo("2026-11-17T03:55:00Z");
        JsonNode page7 = api.get(base + "?size=10&page=7");
        assertThat(page7.get("items")).hasSize(4);
        assertThat(page7.get("items").get(3).get("snapshotType").asString()).isEqualTo("end_of_day");
        List<String> times = new java.util.ArrayList<>();
        for (int p = 0; p < 8; p++) {
            api.get(base + "?size=10&page=" + p).get("items").forEach(i -> times.add(i.get("snapshotTime").asString()));
        }
        assertThat(times).hasSize(74).isSortedAccordingTo(java.util.Comparator.comparing(Instant::parse));
        JsonNode eods = api.get(base + "?type=end_of_day&from=2026-11-17T00:00:00Z&to=2026-11-18T00:00:00Z");
        assertThat(eods.get("items")).singleElement()
                .satisfies(i -> assertThat(i.get("snapshotTime").asString()).isEqualTo("2026-11-17T10:00:00Z"));
        for (String bad : List.of("?type=weekly", "?from=yesterday", "?size=0", "?size=abc", "?page=-1",
                "?from=2026-11-18T00:00:00Z&to=2026-11-17T00:00:00Z")) {
            HttpResponse<String> r = api.request("GET", base + bad, null);
            assertThat(r.statusCode()).as(bad).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("problem"));
        }
        assertThat(api.request("GET", "/api/v1/portfolios/nope/" + strategy.value() + "/snapshots", null)
                .statusCode()).isEqualTo(400);
    }

    @Test
    void aTamperedSnapshotIsStoredAsChecksumInvalidAndAlerted() {
        PnlSnapshot sealed = SnapshotTaker.of(new PortfolioKey(Broker.PAPER, strategy), emptyView(),
                PnlSnapshot.SnapshotType.RECONCILIATION, DAY);
        assertThat(SnapshotChecksum.verify(sealed)).isTrue();
        PnlSnapshot tampered = new PnlSnapshot(sealed.snapshotId(), sealed.portfolioId(), sealed.broker(),
                sealed.snapshotTime(), sealed.snapshotType(), Money.of("1000"), sealed.totalUnrealized(),
                Money.of("1000"), sealed.fees(), sealed.cashBalance(), sealed.positions(), sealed.ledgerPosition(),
                sealed.checksum());
        double before = invalidCount();
        publish(Topics.pnlSnapshots(Broker.PAPER), tampered);

        await().atMost(Duration.ofSeconds(30)).until(() -> status(sealed.snapshotId().value()) != null);
        assertThat(status(sealed.snapshotId().value())).isEqualTo("checksum_invalid");
        assertThat(openDiscrepancy(sealed.snapshotId().value())).isEqualTo("checksum_invalid");
        assertThat(invalidCount()).isEqualTo(before + 1);
    }

    @Test
    void aCorruptedReadModelIsADiscrepancyWithTheExactDriftAndResolvingRebuildsItFromTheLedgerWithAnAudit() {
        fill("1", SignalType.BUY, 10, "200", "2.00", DAY.plusSeconds(3600 * 5));
        awaitReadModel(1);
        corrupt("realized_pnl", new BigDecimal("7.25"));

        ApiTestClient api = new ApiTestClient(port);
        JsonNode run = api.post("/api/v1/reconciliation/paper/run", null, 200);
        JsonNode mine = resultOf(run);
        assertThat(mine.get("status").asString()).isEqualTo("discrepancy");
        assertThat(new BigDecimal(mine.get("driftAbs").asString())).isEqualByComparingTo("7.25");
        UUID snapshotId = UUID.fromString(mine.get("snapshotId").asString());
        await().atMost(Duration.ofSeconds(30)).until(() -> "discrepancy".equals(status(snapshotId)));
        assertThat(jdbc.sql("SELECT drift_abs FROM pnl_snapshots WHERE id = :id").param("id", snapshotId)
                .query(BigDecimal.class).single()).isEqualByComparingTo("7.25");
        JsonNode open = null;
        for (JsonNode d : api.get("/api/v1/reconciliation/discrepancies?status=open&size=500").get("items")) {
            if (d.get("snapshotId").asString().equals(snapshotId.toString())) {
                open = d;
            }
        }
        assertThat(open).isNotNull();
        assertThat(open.get("drift").get("realized").asString()).isEqualTo("7.25");
        assertThat(open.get("drift").get("positions").get(0).get("realized").asString()).isEqualTo("7.25");

        String id = open.get("id").asString();
        java.io.StringWriter out = new java.io.StringWriter();
        assertThat(cli(out, "reconcile", "list", "--size", "500")).isZero();
        assertThat(out.toString()).contains(id, "paper:" + strategy.value(), "drift", "7.25");
        String path = "/api/v1/reconciliation/discrepancies/" + id + "/resolve";
        assertThat(api.request("POST", path, "{}").statusCode()).isEqualTo(400);
        JsonNode resolved = api.post(path, "{\"note\":\"redis edited by hand\"}", 200);
        assertThat(resolved.get("statusAfter").asString()).isEqualTo("reconciled");
        assertThat(new BigDecimal(readModel().get("realized_pnl").asString())).isEqualByComparingTo("0");
        assertThat(jdbc.sql("SELECT action || '|' || note FROM reconciliation_actions WHERE discrepancy_id = :id")
                .param("id", UUID.fromString(id)).query(String.class).list())
                .containsExactly("rebuild_read_model|redis edited by hand");
        assertThat(api.request("POST", path, "{\"note\":\"again\"}").statusCode()).isEqualTo(409);
        assertThat(cli(new java.io.StringWriter(), "reconcile", "resolve", id, "--note", "again")).isOne();
        java.io.StringWriter runOut = new java.io.StringWriter();
        assertThat(cli(runOut, "reconcile", "run", "paper")).isZero();
        assertThat(runOut.toString()).contains("paper:" + strategy.value());
        assertThat(api.request("POST", "/api/v1/reconciliation/discrepancies/" + UUID.randomUUID() + "/resolve",
                "{\"note\":\"x\"}").statusCode()).isEqualTo(404);
        assertThat(resultOf(api.post("/api/v1/reconciliation/paper/run", null, 200)).get("status").asString())
                .isEqualTo("reconciled");
    }

    @Test
    void aSubPaisaRoundingDifferenceIsReconciledAutomaticallyWithItsDriftRecorded() {
        fill("1", SignalType.BUY, 3, "333.33", "0.50", DAY.plusSeconds(3600 * 6));
        awaitReadModel(1);
        corrupt("unrealized_pnl", new BigDecimal("0.004"));

        JsonNode mine = resultOf(new ApiTestClient(port).post("/api/v1/reconciliation/paper/run", null, 200));
        UUID snapshotId = UUID.fromString(mine.get("snapshotId").asString());
        await().atMost(Duration.ofSeconds(30)).until(() -> "reconciled".equals(status(snapshotId)));
        assertThat(jdbc.sql("SELECT drift_abs FROM pnl_snapshots WHERE id = :id").param("id", snapshotId)
                .query(BigDecimal.class).single()).isEqualByComparingTo("0.004");
    }

    @Test
    void theSameSnapshotTwiceIsOneRowAlsoAcrossARestartOfTheConsumer() {
        PnlSnapshot snapshot = SnapshotTaker.of(new PortfolioKey(Broker.PAPER, strategy), emptyView(),
                PnlSnapshot.SnapshotType.PERIODIC, DAY);
        Envelope<PnlSnapshot> envelope = Envelopes.root(Topics.pnlSnapshots(Broker.PAPER), snapshot, "test");
        publisher.publish(Topics.pnlSnapshots(Broker.PAPER), envelope).join();
        publisher.publish(Topics.pnlSnapshots(Broker.PAPER), envelope).join();
        await().atMost(Duration.ofSeconds(30)).until(() -> status(snapshot.snapshotId().value()) != null);

        MessageListenerContainer container = listeners.getListenerContainer(SnapshotListener.LISTENER_ID);
        container.stop();
        publish(Topics.pnlSnapshots(Broker.PAPER), snapshot);
        PnlSnapshot sentinel = SnapshotTaker.of(new PortfolioKey(Broker.PAPER, strategy), emptyView(),
                PnlSnapshot.SnapshotType.PERIODIC, DAY.plusSeconds(1));
        publish(Topics.pnlSnapshots(Broker.PAPER), sentinel);
        container.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> status(sentinel.snapshotId().value()) != null);

        assertThat(jdbc.sql("SELECT count(*) FROM pnl_snapshots WHERE id = :id")
                .param("id", snapshot.snapshotId().value()).query(Long.class).single()).isEqualTo(1);
        assertThat(status(snapshot.snapshotId().value())).isEqualTo("reconciled");
    }

    private int cli(java.io.StringWriter out, String... args) {
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.stream.Stream.of(
                "--url", "http://localhost:" + port, "--token", ApiTestClient.ADMIN_TOKEN)).toArray(String[]::new);
        return com.alphapanda.cli.AlphaPandaCommand.execute(all, new java.io.PrintWriter(out, true),
                new java.io.PrintWriter(new java.io.StringWriter(), true));
    }

    private PortfolioView emptyView() {
        BigDecimal cash = new BigDecimal("1000000");
        return new PortfolioView(Broker.PAPER, strategy, cash, cash, BigDecimal.ZERO, cash, BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, 0, null, List.of(), DAY);
    }

    private void fill(String n, SignalType side, long qty, String price, String fee, Instant at) {
        publish(Topics.ordersFilled(Broker.PAPER), new OrderFilled("ord-" + strategy + "-" + n,
                "fill-" + strategy + "-" + n, strategy, instrument, side, Quantity.of(qty), Price.of(price),
                Money.of(fee), at));
    }

    private <F extends com.alphapanda.core.event.EventPayload, E extends F> void publish(
            com.alphapanda.core.topic.Topic<F> topic, E payload) {
        publisher.publish(topic, Envelopes.root(topic, payload, "test")).join();
    }

    private long validated() {
        return jdbc.sql("SELECT count(*) FROM pnl_snapshots WHERE portfolio_id = :p AND validation_status <> 'pending'")
                .param("p", "paper:" + strategy.value()).query(Long.class).single();
    }

    private List<StoredSnapshot> history(String type) {
        return new SnapshotStore(jdbc).history("paper:" + strategy.value(), Instant.EPOCH,
                Instant.parse("2100-01-01T00:00:00Z"), type, 0, 500);
    }

    private String status(UUID id) {
        return jdbc.sql("SELECT validation_status FROM pnl_snapshots WHERE id = :id").param("id", id)
                .query(String.class).optional().orElse(null);
    }

    private String openDiscrepancy(UUID snapshotId) {
        return jdbc.sql("SELECT kind FROM reconciliation_discrepancies WHERE snapshot_id = :id AND status = 'open'")
                .param("id", snapshotId).query(String.class).optional().orElse(null);
    }

    private double invalidCount() {
        var counter = meters.find("pnl_snapshot_checksum_invalid_total").tag("broker", "paper").counter();
        return counter == null ? 0 : counter.count();
    }

    private void awaitReadModel(long fills) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode view = readModel();
            return view != null && view.get("fill_count").asLong() == fills;
        });
    }

    private JsonNode readModel() {
        String json = redis.opsForValue().get("paper:portfolio:" + strategy.value());
        return json == null ? null : EventJson.mapper().readTree(json);
    }

    /** Adds {@code delta} to a field of the cached position and to the same total (and the net PnL). */
    private void corrupt(String field, BigDecimal delta) {
        ObjectNode view = (ObjectNode) readModel();
        ObjectNode position = (ObjectNode) view.get("positions").get(0);
        position.put(field, new BigDecimal(position.get(field).asString()).add(delta).toPlainString());
        view.put(field, new BigDecimal(view.get(field).asString()).add(delta).toPlainString());
        view.put("net_pnl", new BigDecimal(view.get("net_pnl").asString()).add(delta).toPlainString());
        redis.opsForValue().set("paper:portfolio:" + strategy.value(), EventJson.mapper().writeValueAsString(view));
    }

    private JsonNode resultOf(JsonNode run) {
        for (JsonNode r : run.get("results")) {
            if (r.get("portfolioId").asString().equals("paper:" + strategy.value())) {
                return r;
            }
        }
        throw new AssertionError("no result for " + strategy + " in " + run);
    }
}
