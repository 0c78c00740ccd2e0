package com.alphapanda.deadletter;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One dead letter: where it sits on its dead-letter topic, the original record (key, value, headers, byte-for-byte),
 * and why, where and when it failed.
 */
public record DeadLetter(
        UUID id,
        String dlqTopic,
        int dlqPartition,
        long dlqOffset,
        String originalTopic,
        Integer originalPartition,
        Long originalOffset,
        Instant originalTimestamp,
        byte[] key,
        byte[] value,
        List<Header> headers,
        String reason,
        String errorClass,
        String errorMessage,
        String service,
        String consumerGroup,
        String broker,
        String correlationId,
        int attempts,
        Instant deadLetteredAt,
        DeadLetterStatus status,
        int replayCount,
        Instant lastReplayedAt,
        UUID replayOf) {

    /** A record header: name and raw value. */
    public record Header(String name, byte[] value) {
    }
}
