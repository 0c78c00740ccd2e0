package com.alphapanda.backtest;

import static com.alphapanda.PipelineTestSupport.SESSION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.alphapanda.PipelineTestSupport;
import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.core.id.StrategyId;
import com.alphapanda.core.json.EventJson;
import com.alphapanda.core.streaming.EventPublisher;
import com.alphapanda.instrument.NseCalendar;
import com.alphapanda.marketfeed.TickFiles;
import com.alphapanda.strategy.StrategyDefinition;
import com.alphapanda.strategy.StrategySet;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Parity: one tick file through the running pipeline on the embedded servers (strategy runner → risk manager → paper
 * venue → portfolio manager) and through the backtester gives the same fills (instrument, side, quantity, price,
 * fees, realized PnL, in order), positions and PnL. The strategy is read back from the database, as
 * {@code backtest --strategy ID} does. Each tick's orders and fills are awaited before the next tick is published:
 * live, a signal that reaches the venue after a later tick fills at that later tick (the latency it models).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "alpha-panda.strategies.reload-interval=300ms")
class BacktestParityIT {

    @Autowired
    EventPublisher publisher;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MeterRegistry meters;
    @LocalServerPort
    int port;
    @TempDir
    Path dir;

    record Tick(InstrumentToken token, String price, Instant at) {
    }

    @Test
    void theSameTicksGiveTheSameFillsPositionsAndPnlLiveAndInTheBacktest() throws IOException {
        PipelineTestSupport pipeline = new PipelineTestSupport(publisher, port);
        pipeline.ensurePaperTradingActive(jdbc);
        StrategyId strategy = PipelineTestSupport.freshStrategy("parity");
        InstrumentToken a = PipelineTestSupport.freshInstrument();
        InstrumentToken b = PipelineTestSupport.freshInstrument();
        double activeBefore = meters.get("strategy.active").gauge().value();
        jdbc.sql("INSERT INTO strategy_configurations (id, strategy_type, instruments, parameters, target_brokers) "
                        + "VALUES (:id, 'momentum', CAST(:instruments AS jsonb), CAST(:parameters AS jsonb), "
                        + "ARRAY['paper'])")
                .param("id", strategy.value()).param("instruments", "[" + a.value() + ", " + b.value() + "]")
                .param("parameters", "{\"lookback_periods\": 2, \"threshold\": 0.01, \"position_size\": 10, "
                        + "\"take_profit_pct\": 0.03, \"stop_loss_pct\": 0.02}")
                .update();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> meters.get("strategy.active").gauge().value() >= activeBefore + 1);

        List<Tick> ticks = ticks(a, b);
        Path file = writeTicks(ticks);
        List<StrategyDefinition> definitions = List.of(StrategySet.find(jdbc, strategy).orElseThrow());
        Path report = dir.resolve("report");
        BacktestResult result;
        try (TickFiles files = TickFiles.open(List.of(file))) {
            result = BacktestReport.run(definitions, BacktestFixtures.defaults(), NseCalendar.withBundledHolidays(),
                    files, report, (t, n, total) -> { });
        }
        List<String[]> backtestFills = rows(report.resolve("fills.csv"));
        List<String[]> backtestOrders = rows(report.resolve("orders.csv"));
        assertThat(backtestFills).as("the tick path exercises entries, exits and brackets").hasSizeGreaterThan(6);
        assertThat(backtestOrders).as("and a refused SELL").anyMatch(o -> o[11].equals("INSUFFICIENT_POSITION"));

        for (Tick tick : ticks) {
            pipeline.tick(tick.token(), tick.price(), tick.at());
            long fills = backtestFills.stream().filter(f -> !Instant.parse(f[0]).isAfter(tick.at())).count();
            long orders = backtestOrders.stream().filter(o -> !Instant.parse(o[0]).isAfter(tick.at())).count();
            await().atMost(Duration.ofSeconds(60)).until(() -> count("fills", strategy) >= fills
                    && count("orders", strategy) >= orders);
        }

        List<String> live = jdbc.sql("""
                SELECT instrument_token, side, quantity, price, fees, realized_pnl FROM fills
                WHERE strategy_id = :s ORDER BY ledger_seq""").param("s", strategy.value())
                .query((rs, n) -> String.join(",", rs.getString(1), rs.getString(2), rs.getString(3),
                        plain(rs.getBigDecimal(4)), plain(rs.getBigDecimal(5)), Money.plain(rs.getBigDecimal(6))))
                .list();
        assertThat(live).containsExactlyElementsOf(backtestFills.stream()
                .map(f -> String.join(",", f[2], f[3], f[4], plain(new BigDecimal(f[5])), plain(new BigDecimal(f[6])),
                        f[7])).toList());
        assertThat(count("orders WHERE failure_code = 'INSUFFICIENT_POSITION' AND", strategy))
                .isEqualTo(backtestOrders.stream().filter(o -> o[11].equals("INSUFFICIENT_POSITION")).count());

        StrategyResult expected = result.strategies().getFirst();
        JsonNode portfolio = await().atMost(Duration.ofSeconds(60)).until(() -> stored(strategy),
                p -> p != null && p.get("fill_count").asLong() == backtestFills.size()
                        && Money.paise(decimal(p, "unrealized_pnl")).compareTo(expected.unrealizedPnl()) == 0);
        assertThat(Money.paise(decimal(portfolio, "cash"))).isEqualByComparingTo(expected.finalCash());
        assertThat(Money.paise(decimal(portfolio, "realized_pnl"))).isEqualByComparingTo(expected.realizedPnl());
        assertThat(Money.paise(decimal(portfolio, "fees"))).isEqualByComparingTo(expected.fees());
        assertThat(Money.paise(decimal(portfolio, "net_pnl"))).isEqualByComparingTo(expected.netPnl());
        assertThat(Money.paise(decimal(portfolio, "total_value"))).isEqualByComparingTo(expected.finalEquity());
        long open = 0;
        for (JsonNode position : portfolio.get("positions")) {
            open += position.get("quantity").asLong() != 0 ? 1 : 0;
        }
        assertThat(open).isEqualTo(expected.openPositions());
    }

    /** The hand-computed day's path on A (take-profit, gapped stop, refused SELL) and a drifting path on B. */
    private static List<Tick> ticks(InstrumentToken a, InstrumentToken b) {
        String[] pathA = {"100.00", "100.50", "102.00", "103.00", "105.20", "105.50", "101.00", "102.50", "101.40",
                "101.45", "103.00", "103.40"};
        String[] pathB = {"200.00", "203.00", "204.00", "199.00", "201.50", "205.00", "206.00", "200.50", "196.00",
                "199.00", "202.00", "202.50"};
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i < pathA.length; i++) {
            Instant at = SESSION.plusSeconds(60L * i);
            ticks.add(new Tick(a, pathA[i], at));
            ticks.add(new Tick(b, pathB[i], at.plusSeconds(1)));
        }
        return ticks;
    }

    private Path writeTicks(List<Tick> ticks) throws IOException {
        StringBuilder csv = new StringBuilder("timestamp,instrument_token,last_price\n");
        ticks.forEach(t -> csv.append(t.at()).append(',').append(t.token()).append(',').append(t.price()).append('\n'));
        return Files.writeString(dir.resolve("ticks.csv"), csv, StandardCharsets.UTF_8);
    }

    private static List<String[]> rows(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        return lines.subList(1, lines.size()).stream().map(l -> l.split(",", -1)).toList();
    }

    private long count(String table, StrategyId strategy) {
        String where = table.contains("WHERE") ? table + " strategy_id = :s" : table + " WHERE strategy_id = :s";
        return jdbc.sql("SELECT count(*) FROM " + where).param("s", strategy.value()).query(Long.class).single();
    }

    private JsonNode stored(StrategyId strategy) {
        String json = redis.opsForValue().get("paper:portfolio:" + strategy.value());
        return json == null ? null : EventJson.mapper().readTree(json);
    }

    private static BigDecimal decimal(JsonNode node, String field) {
        return new BigDecimal(node.get(field).asString());
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
