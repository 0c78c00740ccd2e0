package com.alphapanda.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphapanda.core.streaming.DeadLetterHeaders;
import com.alphapanda.core.streaming.EventHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

class DeadLetterReplayerTest {

    private static final String PORTFOLIO = "alpha-panda.portfolio-manager.ticks";

    @Test
    void aReplayCarriesTheOriginalRecordAndNamesTheGroupThatFailedItAsItsOnlyTarget() {
        DeadLetter dead = deadLetter(PORTFOLIO, List.of(header(EventHeaders.CORRELATION_ID, "corr-1")), 0);

        ProducerRecord<Object, Object> record = DeadLetterReplayer.replayRecord(dead, "req-7");

        assertThat(record.topic()).isEqualTo("market.ticks");
        assertThat(record.key()).isEqualTo("738561");
        assertThat(record.value()).isEqualTo(new byte[] {7, 8});
        assertThat(text(record, EventHeaders.CORRELATION_ID)).isEqualTo("corr-1");
        assertThat(text(record, DeadLetterHeaders.REPLAY_TARGET_GROUP)).isEqualTo(PORTFOLIO);
        assertThat(text(record, DeadLetterHeaders.REPLAY_OF)).isEqualTo(dead.id().toString());
        assertThat(text(record, DeadLetterHeaders.REPLAY_COUNT)).isEqualTo("1");
        assertThat(text(record, DeadLetterHeaders.REPLAY_CORRELATION_ID)).isEqualTo("req-7");
    }

    @Test
    void replayingAReplayThatFailedAgainReplacesTheEarlierReplayHeaders() {
        DeadLetter dead = deadLetter(PORTFOLIO, List.of(header(EventHeaders.CORRELATION_ID, "corr-1"),
                header(DeadLetterHeaders.REPLAY_OF, UUID.randomUUID().toString()),
                header(DeadLetterHeaders.REPLAY_COUNT, "1"),
                header(DeadLetterHeaders.REPLAY_CORRELATION_ID, "req-1"),
                header(DeadLetterHeaders.REPLAY_TARGET_GROUP, PORTFOLIO)), 2);

        ProducerRecord<Object, Object> record = DeadLetterReplayer.replayRecord(dead, null);

        for (String name : List.of(DeadLetterHeaders.REPLAY_OF, DeadLetterHeaders.REPLAY_COUNT,
                DeadLetterHeaders.REPLAY_TARGET_GROUP)) {
            assertThat(record.headers().headers(name)).as(name).hasSize(1);
        }
        assertThat(record.headers().headers(DeadLetterHeaders.REPLAY_CORRELATION_ID)).isEmpty();
        assertThat(text(record, DeadLetterHeaders.REPLAY_OF)).isEqualTo(dead.id().toString());
        assertThat(text(record, DeadLetterHeaders.REPLAY_COUNT)).isEqualTo("3");
    }

    @Test
    void aDeadLetterThatNamesNoGroupIsReplayedWithoutATarget() {
        ProducerRecord<Object, Object> record = DeadLetterReplayer.replayRecord(deadLetter(null, List.of(), 0), null);

        assertThat(record.headers().lastHeader(DeadLetterHeaders.REPLAY_TARGET_GROUP)).isNull();
    }

    private static DeadLetter deadLetter(String group, List<DeadLetter.Header> headers, int replayCount) {
        return new DeadLetter(UUID.randomUUID(), "market.ticks.dlq", 0, 5L, "market.ticks", 0, 42L, Instant.EPOCH,
                "738561".getBytes(StandardCharsets.UTF_8), new byte[] {7, 8}, headers, "invalid_event", null, null,
                DeadLetterParser.serviceOf(group), group, "shared", "corr-1", 1, Instant.EPOCH,
                DeadLetterStatus.PENDING, replayCount, null, null);
    }

    private static DeadLetter.Header header(String name, String value) {
        return new DeadLetter.Header(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(ProducerRecord<Object, Object> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
