package com.alphapanda.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphapanda.core.event.Broker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class PipelineMonitorTest {

    private static final Instant T0 = Instant.parse("2026-11-26T05:00:00Z");

    private final AtomicReference<Instant> now = new AtomicReference<>(T0);
    private final AtomicBoolean marketOpen = new AtomicBoolean(true);
    private final Clock clock = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final PipelineActivity activity = new PipelineActivity(registry, clock);
    /** What other instances published, as the monitor reads them from Redis. */
    private final List<InstanceActivity> others = new ArrayList<>();
    private final PipelineMonitor monitor = new PipelineMonitor(activity, () -> {
        List<InstanceActivity> all = new ArrayList<>(List.of(activity.snapshot("here")));
        all.addAll(others);
        return all;
    }, List.of(Broker.PAPER), at -> marketOpen.get(), Duration.ofSeconds(30), clock, registry);

    private StageReport stage(PipelineReport report, PipelineStage stage) {
        return report.brokers().getFirst().stages().stream().filter(s -> s.stage() == stage).findFirst().orElseThrow();
    }

    @Test
    void recordedActivityGivesLastActivityEventTimeRateAndHealthyStages() {
        for (int i = 0; i < 20; i++) {
            activity.recordMarketFeed(T0.minusMillis(200));
            activity.record(PipelineStage.STRATEGY_RUNNER, Broker.PAPER, T0.minusMillis(150));
        }
        now.set(T0.plusSeconds(10));
        PipelineReport report = monitor.evaluate();

        StageReport runner = stage(report, PipelineStage.STRATEGY_RUNNER);
        assertThat(runner.events()).isEqualTo(20);
        assertThat(runner.ratePerSecond()).isEqualTo(2.0);
        assertThat(runner.lastActivity()).contains(T0);
        assertThat(runner.lastEventTime()).contains(T0.minusMillis(150));
        assertThat(runner.health()).isEqualTo(StageHealth.HEALTHY);
        assertThat(stage(report, PipelineStage.RISK_MANAGER).health()).isEqualTo(StageHealth.IDLE);
        assertThat(report.brokers().getFirst().health()).isEqualTo(StageHealth.HEALTHY);
        assertThat(registry.get("pipeline.events").tag("stage", "strategy_runner").tag("broker", "paper").counter()
                .count()).isEqualTo(20);
    }

    @Test
    void silentTickStagesWhileTheMarketIsOpenAreDegradedAndIdleWhenItIsClosed() {
        activity.recordMarketFeed(T0);
        now.set(T0.plusSeconds(31));
        PipelineReport open = monitor.evaluate();
        assertThat(stage(open, PipelineStage.MARKET_FEED).health()).isEqualTo(StageHealth.DEGRADED);
        assertThat(stage(open, PipelineStage.STRATEGY_RUNNER).health()).isEqualTo(StageHealth.DEGRADED);
        assertThat(stage(open, PipelineStage.PORTFOLIO_MANAGER).health()).isEqualTo(StageHealth.IDLE);
        assertThat(open.brokers().getFirst().health()).isEqualTo(StageHealth.DEGRADED);
        assertThat(registry.get("pipeline.stage.status").tag("stage", "market_feed").gauge().value()).isEqualTo(1.0);

        marketOpen.set(false);
        PipelineReport closed = monitor.evaluate();
        assertThat(closed.brokers().getFirst().health()).isEqualTo(StageHealth.IDLE);
        assertThat(registry.get("pipeline.stage.status").tag("stage", "market_feed").gauge().value()).isEqualTo(2.0);
    }

    @Test
    void tickAgeIsNowMinusTheEventTimeOfTheLastTickAtTheRunnerOnlyWhileTheMarketIsOpen() {
        activity.record(PipelineStage.STRATEGY_RUNNER, Broker.PAPER, T0.minusSeconds(4));
        activity.record(PipelineStage.STRATEGY_RUNNER, Broker.PAPER, T0.minusSeconds(6));
        double age = registry.get("tick.age").tag("broker", "paper").gauge().value();
        assertThat(age).as("newest event time wins").isEqualTo(4.0);

        marketOpen.set(false);
        assertThat(registry.get("tick.age").tag("broker", "paper").gauge().value()).isNaN();
    }

    @Test
    void stagesThatRunOnOtherInstancesAreJudgedFromWhatThoseInstancesPublished() {
        PipelineActivity elsewhere = new PipelineActivity(new SimpleMeterRegistry(), clock);
        for (int i = 0; i < 30; i++) {
            elsewhere.record(PipelineStage.PORTFOLIO_MANAGER, Broker.PAPER, T0.minusSeconds(1));
            activity.record(PipelineStage.STRATEGY_RUNNER, Broker.PAPER, T0.minusSeconds(2));
        }
        String published = elsewhere.snapshot("portfolio-host").encode();
        others.add(InstanceActivity.decode("portfolio-host", published).orElseThrow());
        now.set(T0.plusSeconds(10));
        PipelineReport first = monitor.evaluate();

        assertThat(first.instances()).containsExactly("here", "portfolio-host");
        StageReport portfolio = stage(first, PipelineStage.PORTFOLIO_MANAGER);
        assertThat(portfolio.events()).isEqualTo(30);
        assertThat(portfolio.lastActivity()).contains(T0);
        assertThat(portfolio.lastEventTime()).contains(T0.minusSeconds(1));
        assertThat(portfolio.health()).isEqualTo(StageHealth.HEALTHY);
        assertThat(stage(first, PipelineStage.STRATEGY_RUNNER).events()).isEqualTo(30);

        for (int i = 0; i < 50; i++) {
            elsewhere.record(PipelineStage.PORTFOLIO_MANAGER, Broker.PAPER, T0.plusSeconds(9));
        }
        now.set(T0.plusSeconds(20));
        others.set(0, InstanceActivity.decode("portfolio-host", elsewhere.snapshot("portfolio-host").encode())
                .orElseThrow());
        PipelineReport second = monitor.evaluate();

        assertThat(stage(second, PipelineStage.PORTFOLIO_MANAGER).events()).isEqualTo(80);
        assertThat(stage(second, PipelineStage.PORTFOLIO_MANAGER).ratePerSecond())
                .as("50 events between its publications at T0 and T0 + 20 s").isEqualTo(2.5);
        assertThat(stage(second, PipelineStage.PORTFOLIO_MANAGER).lastActivity()).contains(T0.plusSeconds(10));
    }

    @Test
    void aPublicationThatIsNotOneIsNotRead() {
        assertThat(InstanceActivity.decode("x", "not a number")).isEmpty();
        assertThat(InstanceActivity.decode("x", "99999999999999999999\nstrategy_runner/paper 1 2 3")).isEmpty();
        assertThat(InstanceActivity.decode("x", "")).isEmpty();
        assertThat(InstanceActivity.decode("x", "1\nstrategy_runner/paper 1 2")).isEmpty();
        assertThat(InstanceActivity.decode("x", "1\nstrategy_runner/paper 1 2 3").orElseThrow().slots())
                .containsEntry("strategy_runner/paper", new InstanceActivity.Counts(1, 2, 3));
    }

    @Test
    void theMarketFeedIsRecordedAsShared() {
        assertThatThrownBy(() -> activity.record(PipelineStage.MARKET_FEED, Broker.PAPER, T0))
                .isInstanceOf(IllegalArgumentException.class);
        activity.recordMarketFeed(T0);
        assertThat(registry.get("pipeline.last.event.timestamp").tag("broker", "shared").gauge().value())
                .isEqualTo(T0.getEpochSecond());
    }
}
