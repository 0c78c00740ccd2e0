package com.alphapanda.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class LagAssemblerTest {

    private static final Instant AT = Instant.parse("2026-11-26T05:00:00Z");
    private static final TopicPartition P0 = new TopicPartition("paper.signals.raw", 0);
    private static final TopicPartition P1 = new TopicPartition("paper.signals.raw", 1);

    private final LagAssembler assembler = new LagAssembler(5, Duration.ofMinutes(5), 1000);

    private static BrokerOffsets offsets(Map<TopicPartition, Long> committed, Map<TopicPartition, Long> end,
                                         Map<TopicPartition, Long> start) {
        return new BrokerOffsets(List.of(new BrokerOffsets.Group("alpha-panda.risk.signals", "EMPTY", 0, committed,
                Optional.empty())), end, start);
    }

    @Test
    void lagIsEndMinusCommittedPerPartitionWithTotalsAndTimeLagFromTheOldestUnconsumedRecord() {
        BrokerOffsets offsets = offsets(Map.of(P0, 10L, P1, 20L), Map.of(P0, 1510L, P1, 20L), Map.of());
        assertThat(assembler.lagging(offsets)).containsExactly(new RecordPosition(P0, 10));

        LagReport report = assembler.assemble(offsets,
                Map.of(new RecordPosition(P0, 10), new RecordTimestamps.Found(AT.minusSeconds(90))), AT, Duration.ZERO);

        GroupLag group = report.groups().getFirst();
        assertThat(group.partitions()).containsExactly(
                new PartitionLag(P0.topic(), 0, OptionalLong.of(10), 1510, 1500, Optional.of(Duration.ofSeconds(90)),
                        LagStatus.OK),
                new PartitionLag(P1.topic(), 1, OptionalLong.of(20), 20, 0, Optional.of(Duration.ZERO), LagStatus.OK));
        assertThat(group.totalLag()).isEqualTo(1500);
        assertThat(group.maxLag()).isEqualTo(1500);
        assertThat(group.maxTimeLag()).contains(Duration.ofSeconds(90));
        assertThat(group.topics()).containsExactly(new TopicLag(P0.topic(), 2, 1500, 1500, 750.0, 1,
                Optional.of(Duration.ofSeconds(90))));
    }

    @Test
    void partitionWithoutACommittedOffsetLagsByItsWholeLog() {
        BrokerOffsets offsets = offsets(Map.of(P0, OffsetSample.NONE), Map.of(P0, 700L), Map.of(P0, 200L));
        assertThat(assembler.lagging(offsets)).containsExactly(new RecordPosition(P0, 200));
        PartitionLag p = assembler.assemble(offsets, Map.of(), AT, Duration.ZERO).groups().getFirst()
                .partitions().getFirst();
        assertThat(p.committedOffset()).isEmpty();
        assertThat(p.messageLag()).isEqualTo(500);
        assertThat(p.timeLag()).as("the oldest record was not read: unknown, not zero").isEmpty();
    }

    @Test
    void onlyTransactionMarkersLeftIsNoLag() {
        BrokerOffsets offsets = offsets(Map.of(P0, 41L), Map.of(P0, 42L), Map.of());
        PartitionLag p = assembler.assemble(offsets, Map.of(new RecordPosition(P0, 41),
                new RecordTimestamps.NothingVisible()), AT, Duration.ZERO).groups().getFirst().partitions().getFirst();
        assertThat(p.messageLag()).isZero();
        assertThat(p.timeLag()).contains(Duration.ZERO);
    }

    @Test
    void groupWhoseOffsetsCannotBeReadIsAnErrorNotZeroLag() {
        BrokerOffsets offsets = offsets(Map.of(P0, 10L, P1, 10L), Map.of(P0, 10L), Map.of());
        GroupLag group = assembler.assemble(offsets, Map.of(), AT, Duration.ZERO).groups().getFirst();
        assertThat(group.status()).isEqualTo(LagStatus.ERROR);
        assertThat(group.error()).hasValueSatisfying(e -> assertThat(e).contains("paper.signals.raw-1"));
        assertThat(group.partitions()).isEmpty();
    }

    @Test
    void statusFollowsTheSamplesOfSuccessiveCollections() {
        for (int i = 0; i < 3; i++) {
            BrokerOffsets offsets = offsets(Map.of(P0, 10L), Map.of(P0, 100L + i * 50), Map.of());
            LagReport report = assembler.assemble(offsets, Map.of(), AT.plusSeconds(30L * i), Duration.ZERO);
            if (i == 2) {
                assertThat(report.groups().getFirst().status()).isEqualTo(LagStatus.STALL);
            }
        }
    }
}
