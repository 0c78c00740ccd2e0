package com.alphapanda.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.alphapanda.core.id.EventId;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class ReportComputationTest {

    @Test
    void percentilesOfAThousandEvenlySpreadLatencies() {
        Histogram h = LatencyStats.newHistogram();
        for (int ms = 1; ms <= 1000; ms++) {
            LatencyStats.record(h, ms * 1_000L);
        }
        LatencyStats s = LatencyStats.of(h);
        assertThat(s.count()).isEqualTo(1000);
        assertThat(s.p50()).isCloseTo(500, within(1.0));
        assertThat(s.p90()).isCloseTo(900, within(1.0));
        assertThat(s.p99()).isCloseTo(990, within(1.0));
        assertThat(s.p999()).isCloseTo(999, within(1.0));
        assertThat(s.max()).isCloseTo(1000, within(1.0));
    }

    @Test
    void anEmptyDistributionIsAllZeroAndSaysSo() {
        LatencyStats s = LatencyStats.of(LatencyStats.newHistogram());
        assertThat(s.isEmpty()).isTrue();
        assertThat(s.p99()).isZero();
    }

    @Test
    void negativeLatenciesFromMillisecondTimestampsAreCountedAsZero() {
        Histogram h = LatencyStats.newHistogram();
        LatencyStats.record(h, -700);
        assertThat(LatencyStats.of(h).max()).isZero();
    }

    @Test
    void ratiosCompareThePipelineWithTheBaselineOfTheSameRun() {
        LatencyStats hop = new LatencyStats(100, 2, 3, 4, 5, 6);
        LatencyStats tickToFill = new LatencyStats(100, 5, 8, 16, 20, 30);
        BenchReport.BaselineResult baseline = new BenchReport.BaselineResult(330, 40_000, 1_000, hop);
        BenchReport.Ratios r = BenchReport.Ratios.of(8_000, tickToFill, baseline);
        assertThat(r.sustainedToProduce()).isEqualTo(0.2);
        assertThat(r.tickToFillP50ToHopP50()).isEqualTo(2.5);
        assertThat(r.tickToFillP99ToHopP99()).isEqualTo(4.0);
        assertThat(r.tickToFillP99Bound()).isEqualTo(18.0);
        assertThat(r.tickToFillP99WithinBound()).isTrue();
        assertThat(BenchReport.Ratios.of(0, tickToFill, baseline).sustainedToProduce()).as("no rate sustained").isNaN();
    }

    @Test
    void ratiosAreNotANumberWithoutABaselineAndTheBoundIsNotMetWithoutFills() {
        BenchReport.BaselineResult none = new BenchReport.BaselineResult(330, 0, 10, LatencyStats.of(
                LatencyStats.newHistogram()));
        BenchReport.Ratios r = BenchReport.Ratios.of(0, LatencyStats.of(LatencyStats.newHistogram()), none);
        assertThat(r.sustainedToProduce()).isNaN();
        assertThat(r.tickToFillP50ToHopP50()).isNaN();
        assertThat(r.tickToFillP99WithinBound()).isFalse();
    }

    private static LagWindow lag(long worstMs, int samples) {
        return new LagWindow(Map.of("alpha-panda.strategy-runner.ticks", Duration.ofMillis(worstMs)), samples, 0,
                Duration.ZERO);
    }

    @Test
    void aRateIsSustainedWhileEveryGroupStaysUnderOneSecondOfTimeLag() {
        StepResult ok = StepResult.decide(1_000, 30_000, 30.0, lag(999, 25));
        assertThat(ok.sustained()).isTrue();
        assertThat(ok.achievedRate()).isEqualTo(1_000.0);
        StepResult behind = StepResult.decide(1_000, 30_000, 30.0, lag(1_000, 25));
        assertThat(behind.sustained()).isFalse();
        assertThat(behind.worstGroup()).isEqualTo("alpha-panda.strategy-runner.ticks");
    }

    @Test
    void aRateTheGeneratorCouldNotOfferOrWithoutLagSamplesIsNotSustained() {
        assertThat(StepResult.decide(1_000, 28_000, 30.0, lag(10, 25)).sustained()).isFalse();
        assertThat(StepResult.decide(1_000, 30_000, 30.0, LagWindow.EMPTY).sustained()).isFalse();
    }

    @Test
    void everyPlatformGroupIsJudgedButTheAutoCommittingLiveStream() {
        assertThat(LagSampler.judged("alpha-panda.paper-trading.ticks")).isTrue();
        assertThat(LagSampler.judged("alpha-panda.risk-manager.ticks.host-1")).isTrue();
        assertThat(LagSampler.judged("alpha-panda.api-stream.host-1")).isFalse();
    }

    @Test
    void findMaxDoublesUntilAFailureThenBisectsToWithinTenPercent() {
        RateSearch search = new RateSearch();
        assertThat(search.next(250, true)).isEqualTo(OptionalInt.of(500));
        assertThat(search.next(500, true)).isEqualTo(OptionalInt.of(1_000));
        assertThat(search.next(1_000, false)).isEqualTo(OptionalInt.of(707));
        assertThat(search.next(707, true)).isEqualTo(OptionalInt.of(841));
        assertThat(search.next(841, false)).isEqualTo(OptionalInt.of(771));
        assertThat(search.next(771, true)).isEmpty();
        assertThat(search.best()).isEqualTo(771);
    }

    @Test
    void findMaxHalvesWhenTheFirstRateFails() {
        RateSearch search = new RateSearch();
        assertThat(search.next(250, false)).isEqualTo(OptionalInt.of(125));
        assertThat(search.next(125, true)).isEqualTo(OptionalInt.of(177));
        assertThat(search.best()).isEqualTo(125);
    }

    @Test
    void correlatorTimesEachHopOfAChainEvenWhenEffectsArriveBeforeTheirCauses() {
        Correlator c = new Correlator();
        EventId signal = EventId.next();
        EventId validated = EventId.next();
        long tick = 1_000_000;
        c.fill(validated, tick + 9_000, tick + 12_000);
        c.validated(validated, signal, tick + 5_000);
        c.signal(signal, tick, tick + 2_000);
        assertThat(LatencyStats.of(c.tickToSignal).p50()).isCloseTo(2.0, within(0.01));
        assertThat(LatencyStats.of(c.signalToValidated).p50()).isCloseTo(3.0, within(0.01));
        assertThat(LatencyStats.of(c.validatedToFill).p50()).isCloseTo(4.0, within(0.01));
        assertThat(LatencyStats.of(c.tickToFill).p50()).isCloseTo(12.0, within(0.01));
        EventId signal2 = EventId.next();
        EventId validated2 = EventId.next();
        c.signal(signal2, tick, tick + 1_000);
        c.validated(validated2, signal2, tick + 4_000);
        c.fill(validated2, tick + 10_000, tick + 11_000);
        c.fill(validated2, tick + 10_000, tick + 11_000);
        assertThat(LatencyStats.of(c.validatedToFill).count()).isEqualTo(3);
        assertThat(LatencyStats.of(c.validatedToFill).max()).isCloseTo(6.0, within(0.01));
        assertThat(c.tickToFill.getMinValue()).isCloseTo(11_000L, within(20L));
        assertThat(c.counts(3, 0)).isEqualTo(new EventCounts(3, 0, 2, 2, 0, 3, 0));
    }

    @Test
    void rejectedSignalsAreCountedAndForgotten() {
        Correlator c = new Correlator();
        EventId signal = EventId.next();
        c.signal(signal, 0, 1_000);
        c.rejected(signal);
        c.orderFailed();
        assertThat(c.counts(1, 0)).isEqualTo(new EventCounts(1, 0, 1, 0, 1, 0, 1));
    }

    @Test
    void aFillIsAppliedWhenThePortfolioGroupCommitsPastItsOffset() {
        PortfolioProgress p = new PortfolioProgress();
        p.committed(0, 10, 1_000);
        p.fill(0, 10, 2_000);
        p.fill(0, 11, 2_500);
        assertThat(p.waiting()).isEqualTo(2);
        p.committed(0, 11, 7_000);
        assertThat(p.waiting()).isEqualTo(1);
        p.committed(0, 12, 9_500);
        assertThat(p.waiting()).isZero();
        assertThat(p.stats().count()).isEqualTo(2);
        assertThat(p.stats().max()).isCloseTo(7.0, within(0.01));
    }

    @Test
    void aFillLearnedAfterTheCommitIsTimedFromTheFirstCommitPastIt() {
        PortfolioProgress p = new PortfolioProgress();
        p.committed(1, 5, 1_000);
        p.committed(1, 8, 4_000);
        p.committed(1, 20, 9_000);
        p.fill(1, 6, 1_500);
        assertThat(p.waiting()).isZero();
        assertThat(p.stats().p50()).isCloseTo(2.5, within(0.01));
    }
}
