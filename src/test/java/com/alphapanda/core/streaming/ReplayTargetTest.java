package com.alphapanda.core.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class ReplayTargetTest {

    private static final String PORTFOLIO = "alpha-panda.portfolio-manager.ticks";
    private static final String STRATEGIES = "alpha-panda.strategy-runner.ticks";

    @Test
    void anOrdinaryRecordIsForEveryGroup() {
        ConsumerRecord<String, byte[]> record = record();

        assertThat(ReplayTarget.forAnotherGroup(record, PORTFOLIO)).isFalse();
        assertThat(ReplayTarget.forAnotherGroup(record, STRATEGIES)).isFalse();
    }

    @Test
    void aReplayTargetedAtAGroupIsProcessedByThatGroupAndSkippedByEveryOther() {
        ConsumerRecord<String, byte[]> record = record();
        record.headers().add(DeadLetterHeaders.REPLAY_TARGET_GROUP, PORTFOLIO.getBytes(StandardCharsets.UTF_8));

        assertThat(ReplayTarget.forAnotherGroup(record, PORTFOLIO)).isFalse();
        assertThat(ReplayTarget.forAnotherGroup(record, STRATEGIES)).isTrue();
        assertThat(ReplayTarget.forAnotherGroup(record, "alpha-panda.risk-manager.ticks.instance-1")).isTrue();
    }

    @Test
    void aReplayTargetedAtAGroupIsSkippedOutsideAnyConsumerGroup() {
        ConsumerRecord<String, byte[]> record = record();
        record.headers().add(DeadLetterHeaders.REPLAY_TARGET_GROUP, PORTFOLIO.getBytes(StandardCharsets.UTF_8));

        assertThat(ReplayTarget.forAnotherGroup(record, null)).isTrue();
    }

    private static ConsumerRecord<String, byte[]> record() {
        return new ConsumerRecord<>("market.ticks", 0, 42L, "738561", new byte[] {1});
    }
}
