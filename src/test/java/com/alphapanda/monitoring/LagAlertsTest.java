package com.alphapanda.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LagAlertsTest {

    private static final Instant T0 = Instant.parse("2026-11-26T05:00:00Z");

    private final LagAlerts alerts = new LagAlerts(true, 1000, Duration.ofSeconds(60), 3);
    private int sample;

    private List<LagAlerts.Change> observe(long maxLag, Duration maxTimeLag, LagStatus status) {
        GroupLag group = new GroupLag("alpha-panda.risk.signals", "STABLE", 1, status, Optional.empty(), maxLag,
                maxLag, Optional.of(maxTimeLag), List.of(), List.of());
        return alerts.evaluate(new LagReport(T0.plusSeconds(30L * sample++), Duration.ZERO, Optional.empty(),
                List.of(group)));
    }

    @Test
    void breachLastingTheConfiguredSamplesRaisesOneAlertAndRecoveryClearsIt() {
        assertThat(observe(1500, Duration.ZERO, LagStatus.OK)).isEmpty();
        assertThat(observe(1600, Duration.ZERO, LagStatus.OK)).isEmpty();
        List<LagAlerts.Change> raised = observe(1700, Duration.ZERO, LagStatus.OK);
        assertThat(raised).singleElement().satisfies(c -> {
            assertThat(c.raised()).isTrue();
            assertThat(c.alert().kind()).isEqualTo(AlertKind.LAG_MESSAGES);
            assertThat(c.alert().raisedDetail()).contains("1700 > 1000");
        });
        assertThat(observe(1800, Duration.ZERO, LagStatus.OK)).isEmpty();
        assertThat(alerts.active()).hasSize(1);

        List<LagAlerts.Change> cleared = observe(10, Duration.ZERO, LagStatus.OK);
        assertThat(cleared).singleElement().satisfies(c -> {
            assertThat(c.raised()).isFalse();
            assertThat(c.alert().clearedAt()).contains(T0.plusSeconds(120));
        });
        assertThat(alerts.active()).isEmpty();
        assertThat(alerts.recentlyCleared()).hasSize(1);
    }

    @Test
    void interruptedBreachStartsCountingAgain() {
        observe(1500, Duration.ZERO, LagStatus.OK);
        observe(1500, Duration.ZERO, LagStatus.OK);
        observe(0, Duration.ZERO, LagStatus.OK);
        observe(1500, Duration.ZERO, LagStatus.OK);
        assertThat(observe(1500, Duration.ZERO, LagStatus.OK)).isEmpty();
        assertThat(observe(1500, Duration.ZERO, LagStatus.OK)).hasSize(1);
    }

    @Test
    void timeLagAndBadStatusRaiseTheirOwnAlerts() {
        for (int i = 0; i < 2; i++) {
            observe(0, Duration.ofMinutes(5), LagStatus.STALL);
        }
        assertThat(observe(0, Duration.ofMinutes(5), LagStatus.STOP)).extracting(c -> c.alert().kind())
                .containsExactlyInAnyOrder(AlertKind.LAG_SECONDS, AlertKind.GROUP_STATUS);
    }

    @Test
    void unreadableGroupNeitherRaisesNorClears() {
        for (int i = 0; i < 3; i++) {
            observe(5000, Duration.ZERO, LagStatus.OK);
        }
        List<LagAlerts.Change> changes = alerts.evaluate(new LagReport(T0.plusSeconds(999), Duration.ZERO,
                Optional.of("broker unreachable"), List.of(GroupLag.failed("alpha-panda.risk.signals", "down"))));
        assertThat(changes).isEmpty();
        assertThat(alerts.active()).hasSize(1);
    }

    @Test
    void groupThatNoLongerExistsHasItsAlertsCleared() {
        for (int i = 0; i < 3; i++) {
            observe(5000, Duration.ZERO, LagStatus.OK);
        }
        List<LagAlerts.Change> changes = alerts.evaluate(new LagReport(T0.plusSeconds(999), Duration.ZERO,
                Optional.empty(), List.of()));
        assertThat(changes).singleElement().extracting(LagAlerts.Change::raised).isEqualTo(false);
        assertThat(alerts.active()).isEmpty();
    }

    @Test
    void disabledAlertsNeverRaise() {
        LagAlerts disabled = new LagAlerts(false, 1000, Duration.ofSeconds(60), 1);
        GroupLag group = new GroupLag("alpha-panda.x", "STABLE", 1, LagStatus.STOP, Optional.empty(), 9999, 9999,
                Optional.of(Duration.ofHours(1)), List.of(), List.of());
        assertThat(disabled.evaluate(new LagReport(T0, Duration.ZERO, Optional.empty(), List.of(group)))).isEmpty();
    }
}
