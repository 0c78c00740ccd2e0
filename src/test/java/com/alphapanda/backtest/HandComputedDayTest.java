package com.alphapanda.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphapanda.instrument.NseCalendar;
import com.alphapanda.marketfeed.TickFiles;
import com.alphapanda.strategy.StrategySet;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One trading day computed by hand, checked to the paisa. Momentum over 2 ticks with a 1 % threshold, 10 shares, a
 * 3 % take-profit and a 2 % stop-loss bracket; the default venue (slippage 0.05 %, commission 0.1 %, fees rounded to
 * paise half up, prices on the 0.05 tick: buys rounded up, sells down) and risk limits; 1 000 000 starting cash.
 * <pre>
 * 09:20 100.00  (window not full)
 * 09:21 100.50  +0.50 %  nothing
 * 09:22 102.00  +1.49 %  BUY 10: 102 × 1.0005 = 102.051 → 102.10, fee 1021.00 × 0.1 % = 1.021 → 1.02;
 *                        bracket TP 102.10 × 1.03 = 105.163 → 105.15, SL 102.10 × 0.98 = 100.058 → 100.05
 * 09:23 103.00  +0.98 %  nothing
 * 09:24 105.20           take-profit: SELL 10 at 105.15, fee 1.0515 → 1.05, realized (105.15 − 102.10) × 10 = 30.50;
 *               +2.14 %  BUY 10: 105.2526 → 105.30, fee 1.053 → 1.05; TP 108.459 → 108.45, SL 103.194 → 103.15
 * 09:25 105.50  +0.29 %  nothing
 * 09:26 101.00           gap through the stop 103.15: SELL 10 at the tick, 101 × 0.9995 = 100.9495 → 100.90,
 *                        fee 1.009 → 1.01, realized (100.90 − 105.30) × 10 = −44.00;
 *               −4.27 %  SELL 10 signal: passes risk, refused by the venue (nothing held): INSUFFICIENT_POSITION
 * 09:27 102.50  +1.49 %  BUY 10: 102.55125 → 102.60, fee 1.026 → 1.03; TP 105.678 → 105.65, SL 100.548 → 100.50
 * 09:28 101.40  −1.07 %  SELL 10: 101.3493 → 101.30, fee 1.013 → 1.01, realized (101.30 − 102.60) × 10 = −13.00
 * 09:29 101.45  +0.05 %  nothing (the spent bracket is dropped: nothing held)
 * 09:30 103.00  +1.53 %  BUY 10: 103.0515 → 103.10, fee 1.031 → 1.03
 * 09:31 103.40  +0.39 %  nothing; the mark for the open 10
 * </pre>
 * Cash 1 000 000 − 1021.00 + 1051.50 − 1053.00 + 1009.00 − 1026.00 + 1013.00 − 1031.00 − fees 7.20 = 998 935.30;
 * realized 30.50 − 44.00 − 13.00 = −26.50; unrealized (103.40 − 103.10) × 10 = 3.00; net −26.50 + 3.00 − 7.20 =
 * −30.70 = equity 998 935.30 + 1034.00 − 1 000 000.
 */
class HandComputedDayTest {

    @TempDir
    Path dir;

    @Test
    void everyFillFeeAndTheFinalCashRealizedAndNetPnlAreAsComputedByHand() throws IOException {
        Path ticks = Files.writeString(dir.resolve("day.csv"), """
                timestamp,instrument_token,last_price
                2026-01-05T09:20:00+05:30,738561,100.00
                2026-01-05T09:21:00+05:30,738561,100.50
                2026-01-05T09:22:00+05:30,738561,102.00
                2026-01-05T09:23:00+05:30,738561,103.00
                2026-01-05T09:24:00+05:30,738561,105.20
                2026-01-05T09:25:00+05:30,738561,105.50
                2026-01-05T09:26:00+05:30,738561,101.00
                2026-01-05T09:27:00+05:30,738561,102.50
                2026-01-05T09:28:00+05:30,738561,101.40
                2026-01-05T09:29:00+05:30,738561,101.45
                2026-01-05T09:30:00+05:30,738561,103.00
                2026-01-05T09:31:00+05:30,738561,103.40
                """);
        Path yaml = Files.writeString(dir.resolve("s.yaml"), """
                strategy_name: hand
                strategy_type: momentum
                instrument_tokens: [738561]
                parameters: {lookback_periods: 2, threshold: 0.01, position_size: 10, take_profit_pct: 0.03,
                             stop_loss_pct: 0.02}
                """);
        Path report = dir.resolve("report");
        BacktestResult result;
        try (TickFiles files = TickFiles.open(List.of(ticks))) {
            result = BacktestReport.run(StrategySet.readYaml(yaml), BacktestFixtures.defaults(),
                    NseCalendar.withBundledHolidays(), files, report, (t, b, total) -> { });
        }

        assertThat(Files.readAllLines(report.resolve("fills.csv"), StandardCharsets.UTF_8)).containsExactly(
                TradeJournal.FILLS_HEADER,
                "2026-01-05T03:52:00Z,hand,738561,BUY,10,102.10,1.02,0.00,bt-1,bt-2",
                "2026-01-05T03:54:00Z,hand,738561,SELL,10,105.15,1.05,30.50,bt-3,bt-4",
                "2026-01-05T03:54:00Z,hand,738561,BUY,10,105.30,1.05,0.00,bt-5,bt-6",
                "2026-01-05T03:56:00Z,hand,738561,SELL,10,100.90,1.01,-44.00,bt-7,bt-8",
                "2026-01-05T03:57:00Z,hand,738561,BUY,10,102.60,1.03,0.00,bt-10,bt-11",
                "2026-01-05T03:58:00Z,hand,738561,SELL,10,101.30,1.01,-13.00,bt-12,bt-13",
                "2026-01-05T04:00:00Z,hand,738561,BUY,10,103.10,1.03,0.00,bt-14,bt-15");
        assertThat(Files.readAllLines(report.resolve("orders.csv"), StandardCharsets.UTF_8))
                .filteredOn(line -> line.contains("INSUFFICIENT_POSITION")).singleElement().asString()
                .startsWith("2026-01-05T03:56:00Z,bt-9,hand,738561,SELL,MARKET,DAY,10,101.00,0,,"
                        + "INSUFFICIENT_POSITION,No position to sell");

        StrategyResult hand = result.strategies().getFirst();
        assertThat(hand.finalCash()).isEqualByComparingTo("998935.30");
        assertThat(hand.realizedPnl()).isEqualByComparingTo("-26.50");
        assertThat(hand.unrealizedPnl()).isEqualByComparingTo("3.00");
        assertThat(hand.fees()).isEqualByComparingTo("7.20");
        assertThat(hand.netPnl()).isEqualByComparingTo("-30.70");
        assertThat(hand.finalEquity()).isEqualByComparingTo("999969.30");
        assertThat(hand.fills()).isEqualTo(7);
        assertThat(hand.orders()).isEqualTo(8);
        assertThat(hand.failedOrders()).isEqualTo(1);
        assertThat(hand.signals()).isEqualTo(6);
        assertThat(hand.rejectedSignals()).isZero();
        assertThat(hand.trades()).isEqualTo(3);
        assertThat(hand.wins()).isEqualTo(1);
        assertThat(hand.losses()).isEqualTo(2);
        assertThat(hand.winRate()).isEqualByComparingTo("0.333333");
        assertThat(hand.averageWin()).isEqualByComparingTo("30.50");
        assertThat(hand.averageLoss()).isEqualByComparingTo("-28.50");
        assertThat(hand.openPositions()).isEqualTo(1);
        assertThat(hand.tradingDays()).isEqualTo(1);
        assertThat(hand.sharpe()).as("one day: undefined").isNull();
        assertThat(result.ticksUsed()).isEqualTo(12);
    }

    @Test
    void theDrawdownIsMeasuredOnTheMinuteClosesFromTheRunningPeak() throws IOException {
        // one BUY of 10 at 100.05 (fee 1.00, cash 998 998.50 after), then the mark falls to 95 and recovers to 99
        Path ticks = Files.writeString(dir.resolve("dd.csv"), """
                2026-01-05T09:20:00+05:30,738561,98.00
                2026-01-05T09:21:00+05:30,738561,100.00
                2026-01-05T09:22:00+05:30,738561,101.00
                2026-01-05T09:23:00+05:30,738561,100.50
                2026-01-05T09:24:00+05:30,738561,100.00
                2026-01-05T09:25:00+05:30,738561,99.50
                2026-01-05T09:26:00+05:30,738561,99.00
                """);
        Path yaml = Files.writeString(dir.resolve("s.yaml"), """
                strategy_name: dd
                strategy_type: momentum
                instrument_tokens: [738561]
                parameters: {lookback_periods: 2, threshold: 0.015, position_size: 10}
                """);
        BacktestResult result;
        try (TickFiles files = TickFiles.open(List.of(ticks))) {
            result = BacktestReport.run(StrategySet.readYaml(yaml), BacktestFixtures.defaults(),
                    NseCalendar.withBundledHolidays(), files, dir.resolve("r"), (t, b, total) -> { });
        }
        StrategyResult dd = result.strategies().getFirst();
        // 09:21 +2.04 % BUY 10 at 100 × 1.0005 = 100.05, fee 1.0005 → 1.00: equity 998 998.50 + 10 × mark.
        // Peak at the 09:22 close (mark 101): 1 000 008.50; trough at the end (mark 99): 999 988.50 → 20.00
        assertThat(dd.maxDrawdown()).isEqualByComparingTo("20.00");
        assertThat(dd.drawdownPeakAt()).isEqualTo("2026-01-05T03:52:00Z");
        assertThat(dd.drawdownTroughAt()).isEqualTo("2026-01-05T03:56:00Z");
        assertThat(dd.maxDrawdownFraction()).isEqualByComparingTo(new BigDecimal("20.00")
                .divide(new BigDecimal("1000008.50"), 6, java.math.RoundingMode.HALF_EVEN));
        assertThat(dd.exposure()).as("6 of the 7 minute closes hold the position").isEqualByComparingTo("0.857143");
    }
}
