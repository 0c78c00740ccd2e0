package com.alphapanda.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stated formulas of Sharpe and Sortino, and the daily returns they are taken from. */
class RatiosTest {

    @Test
    void sharpeAndSortinoFollowTheStatedFormulas() {
        // r = 1 %, −2 %, 3 %: mean 0.0066667; sample stdev √((0.0033333² + 0.0266667² + 0.0233333²) / 2) = 0.0251661;
        // downside √(0.02² / 3) = 0.0115470; × √252 = 15.874508
        List<Double> returns = List.of(0.01, -0.02, 0.03);
        assertThat(Ratios.sharpe(returns)).isCloseTo(0.0066667 / 0.0251661 * 15.874508, within(1e-4));
        assertThat(Ratios.sortino(returns)).isCloseTo(0.0066667 / 0.0115470 * 15.874508, within(1e-4));
    }

    @Test
    void ratiosAreUndefinedWithFewerThanTwoDaysOrNoDeviation() {
        assertThat(Ratios.sharpe(List.of(0.01))).isNull();
        assertThat(Ratios.sharpe(List.of(0.01, 0.01))).isNull();
        assertThat(Ratios.sortino(List.of(0.01, 0.02))).as("no losing day: no downside").isNull();
    }

    @Test
    void dailyReturnsAreTakenFromEachDaysLastSampleTheFirstAgainstTheStartingCash() {
        EquityCurve curve = new EquityCurve(new BigDecimal("1000"));
        Instant t = Instant.parse("2026-01-05T04:00:00Z");
        curve.sample(t, LocalDate.of(2026, 1, 5), new BigDecimal("990"), BigDecimal.ZERO);
        curve.sample(t.plusSeconds(60), LocalDate.of(2026, 1, 5), new BigDecimal("1010"), BigDecimal.ONE);
        curve.sample(t.plusSeconds(86_400), LocalDate.of(2026, 1, 6), new BigDecimal("1111"), BigDecimal.ONE);

        assertThat(curve.dailyReturns()).containsExactly(0.01, 0.1);
        assertThat(curve.deepest().amount()).isEqualByComparingTo("10"); // the first sample: 1000 → 990
        assertThat(curve.exposure()).isEqualByComparingTo("0.666667");
    }
}
