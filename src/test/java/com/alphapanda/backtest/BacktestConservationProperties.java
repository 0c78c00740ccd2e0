package com.alphapanda.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphapanda.core.event.Broker;
import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.core.id.StrategyId;
import com.alphapanda.instrument.NseCalendar;
import com.alphapanda.marketfeed.TickFiles;
import com.alphapanda.strategy.StrategyDefinition;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/**
 * For random tick paths and random strategy parameters, the report agrees with an independent recomputation from
 * its own fills (no production class): cash = starting cash − Σ buys + Σ sells − Σ fees; equity = that cash + Σ
 * quantity × the instrument's last tick; net PnL = equity − starting cash; every fee is 0.1 % of its notional in paise
 * (half up), every price on the 0.05 tick, and no position ever goes short.
 */
class BacktestConservationProperties {

    private static final NseCalendar CALENDAR = NseCalendar.withBundledHolidays();
    private static final Instant OPEN = Instant.parse("2026-01-05T03:46:00Z"); // 09:16 IST, Monday
    private static final BigDecimal TICK = new BigDecimal("0.05");
    private static final BigDecimal START = new BigDecimal("1000000");

    @Property(tries = 200)
    @StatisticsReport(onFailureOnly = false)
    void cashPlusPositionValueMinusFeesIsConservedAgainstTheFills(@ForAll long seed,
                                                                  @ForAll @IntRange(min = 2, max = 8) int lookback,
                                                                  @ForAll @IntRange(min = 1, max = 30) int thresholdBp,
                                                                  @ForAll @LongRange(min = 1, max = 400) long size,
                                                                  @ForAll boolean meanReversion,
                                                                  @ForAll boolean brackets) throws IOException {
        Path dir = Files.createTempDirectory("backtest-property");
        try {
            Map<InstrumentToken, BigDecimal> last = new LinkedHashMap<>();
            Path ticks = writePath(dir.resolve("ticks.csv"), new Random(seed), last);
            Map<String, Object> parameters = new LinkedHashMap<>();
            parameters.put("lookback_periods", lookback);
            parameters.put("position_size", size);
            if (!meanReversion) {
                parameters.put("threshold", BigDecimal.valueOf(thresholdBp, 4));
            }
            if (brackets) {
                parameters.put("take_profit_pct", BigDecimal.valueOf(thresholdBp * 2L, 4));
                parameters.put("stop_loss_pct", BigDecimal.valueOf(thresholdBp, 4));
            }
            StrategyDefinition strategy = new StrategyDefinition(StrategyId.of("p"),
                    meanReversion ? "mean_reversion" : "momentum", List.copyOf(last.keySet()), parameters, true,
                    List.of(Broker.PAPER));
            BacktestResult result;
            try (TickFiles files = TickFiles.open(List.of(ticks))) {
                result = BacktestReport.run(List.of(strategy), BacktestFixtures.defaults(), CALENDAR, files,
                        dir.resolve("report"), (t, b, total) -> { });
            }
            StrategyResult strategyResult = result.strategies().getFirst();
            Statistics.collect(strategyResult.fills() > 0, strategyResult.trades() > 0);
            Statistics.coverage(coverage -> coverage.check(true, true).percentage(p -> p >= 15));
            check(strategyResult, dir.resolve("report/fills.csv"), last);
        } finally {
            try (Stream<Path> all = Files.walk(dir)) {
                all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void check(StrategyResult s, Path fills, Map<InstrumentToken, BigDecimal> last) throws IOException {
        BigDecimal cash = START;
        BigDecimal fees = BigDecimal.ZERO;
        Map<String, Long> held = new HashMap<>();
        List<String> lines = Files.readAllLines(fills, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            long qty = Long.parseLong(f[4]);
            BigDecimal price = new BigDecimal(f[5]);
            BigDecimal fee = new BigDecimal(f[6]);
            BigDecimal notional = price.multiply(BigDecimal.valueOf(qty));
            assertThat(price.remainder(TICK)).as("on the tick: " + line).isZero();
            assertThat(fee).as("fee of " + line).isEqualByComparingTo(
                    notional.multiply(new BigDecimal("0.001")).setScale(2, RoundingMode.HALF_UP));
            boolean buy = f[3].equals("BUY");
            cash = buy ? cash.subtract(notional) : cash.add(notional);
            cash = cash.subtract(fee);
            fees = fees.add(fee);
            long after = held.merge(f[2], buy ? qty : -qty, Long::sum);
            assertThat(after).as("never short: " + line).isNotNegative();
        }
        BigDecimal equity = cash;
        for (var entry : held.entrySet()) {
            equity = equity.add(last.get(InstrumentToken.of(Long.parseLong(entry.getKey())))
                    .multiply(BigDecimal.valueOf(entry.getValue())));
        }
        assertThat(s.fills()).isEqualTo(lines.size() - 1);
        assertThat(s.finalCash()).isEqualByComparingTo(cash);
        assertThat(s.fees()).isEqualByComparingTo(fees);
        assertThat(s.finalEquity()).isEqualByComparingTo(equity);
        assertThat(s.netPnl()).isEqualByComparingTo(equity.subtract(START));
        assertThat(s.realizedPnl().add(s.unrealizedPnl()).subtract(s.fees()).subtract(s.netPnl()).abs())
                .as("realized + unrealized − fees = net, each rounded to paise once").isLessThanOrEqualTo(
                        new BigDecimal("0.02"));
    }

    /** 1..3 instruments, 40..240 ticks each 10 s apart, random walk of up to ±3 % a step, on the 0.05 tick. */
    private static Path writePath(Path file, Random random, Map<InstrumentToken, BigDecimal> last) throws IOException {
        int instruments = 1 + random.nextInt(3);
        List<InstrumentToken> tokens = new ArrayList<>();
        Map<InstrumentToken, BigDecimal> price = new HashMap<>();
        for (int i = 0; i < instruments; i++) {
            InstrumentToken token = InstrumentToken.of(1000 + i);
            tokens.add(token);
            price.put(token, BigDecimal.valueOf(50 + random.nextInt(2000)));
        }
        StringBuilder csv = new StringBuilder();
        int steps = 40 + random.nextInt(200);
        for (int step = 0; step < steps; step++) {
            Instant at = OPEN.plusSeconds(10L * step);
            for (InstrumentToken token : tokens) {
                BigDecimal move = BigDecimal.valueOf(random.nextInt(601) - 300, 4);
                BigDecimal next = price.get(token).multiply(BigDecimal.ONE.add(move))
                        .divide(TICK, 0, RoundingMode.HALF_EVEN).multiply(TICK).max(TICK);
                price.put(token, next);
                last.put(token, next);
                csv.append(at).append(',').append(token).append(',').append(next.toPlainString()).append('\n');
            }
        }
        return Files.writeString(file, csv.toString(), StandardCharsets.UTF_8);
    }
}
