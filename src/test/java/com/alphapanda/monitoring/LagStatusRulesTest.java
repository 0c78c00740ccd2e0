package com.alphapanda.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LagStatusRulesTest {

    private static final Instant T0 = Instant.parse("2026-11-26T05:00:00Z");
    private static final Duration INTERVAL = Duration.ofSeconds(30);
    private static final Duration STOP_AFTER = INTERVAL.multipliedBy(5);

    /** Samples every 30 s, as pairs (committed, lag). */
    private static LagStatus statusOf(long... committedAndLag) {
        PartitionWindow window = new PartitionWindow(5);
        for (int i = 0; i < committedAndLag.length; i += 2) {
            window.add(new OffsetSample(T0.plus(INTERVAL.multipliedBy(i / 2)), committedAndLag[i],
                    committedAndLag[i + 1]));
        }
        return LagStatusRules.evaluate(window, STOP_AFTER);
    }

    @Test
    void caughtUpConsumerIsOkWhateverHappenedBefore() {
        assertThat(statusOf(100, 50, 100, 80, 150, 0)).isEqualTo(LagStatus.OK);
    }

    @Test
    void consumerThatKeepsUpWithLagIsOk() {
        assertThat(statusOf(100, 20, 130, 15, 160, 18)).isEqualTo(LagStatus.OK);
    }

    @Test
    void lagThatGrowsWhileOffsetsAdvanceIsWarn() {
        assertThat(statusOf(100, 20, 110, 40, 120, 60)).isEqualTo(LagStatus.WARN);
    }

    @Test
    void lagWithACommittedOffsetThatDoesNotMoveIsStall() {
        assertThat(statusOf(100, 20, 100, 40)).isEqualTo(LagStatus.STALL);
    }

    @Test
    void singleLaggingSampleIsNotYetStall() {
        assertThat(statusOf(100, 20)).isEqualTo(LagStatus.OK);
    }

    @Test
    void lagWithoutProgressForLongerThanTheWindowIsStop() {
        assertThat(statusOf(100, 5, 100, 5, 100, 5, 100, 5, 100, 5, 100, 6, 100, 9)).isEqualTo(LagStatus.STOP);
    }

    @Test
    void stopCountsFromWhenLagAppearedNotFromTheLastCommitOfAnIdleConsumer() {
        // idle topic for a long time (lag 0, offset unchanged), then one record arrives: not STOP at once
        assertThat(statusOf(100, 0, 100, 0, 100, 0, 100, 0, 100, 0, 100, 0, 100, 1)).isEqualTo(LagStatus.OK);
    }

    @Test
    void committedOffsetGoingBackwardsIsRewind() {
        assertThat(statusOf(500, 10, 520, 10, 100, 430)).isEqualTo(LagStatus.REWIND);
    }

    @Test
    void rewindIsForgottenOnceTheHigherOffsetLeavesTheWindow() {
        assertThat(statusOf(500, 10, 100, 400, 200, 300, 300, 200, 400, 100, 450, 50)).isEqualTo(LagStatus.OK);
    }

    @Test
    void groupStatusIsTheWorstPartitionStatus() {
        assertThat(LagStatus.OK.worst(LagStatus.STALL).worst(LagStatus.WARN)).isEqualTo(LagStatus.STALL);
        assertThat(LagStatus.STOP.worst(LagStatus.REWIND)).isEqualTo(LagStatus.REWIND);
        assertThat(LagStatus.values()).extracting(LagStatus::code).containsExactly(0, 1, 2, 3, 4, 5);
    }
}
