package com.alphapanda.deadletter.web;

import com.alphapanda.deadletter.DeadLetter;
import com.alphapanda.deadletter.DeadLetterStatus;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A dead letter as the API shows it. The detail view decodes the value: as JSON when it is JSON (an envelope), as
 * text when it is UTF-8, and always as base64 (the exact bytes).
 */
record DeadLetterView(UUID id, String originalTopic, Integer originalPartition, Long originalOffset,
                      Instant originalTimestamp, String dlqTopic, int dlqPartition, long dlqOffset, String key,
                      String reason, String errorClass, String errorMessage, String service, String consumerGroup,
                      String broker, String correlationId, int attempts, Instant deadLetteredAt,
                      DeadLetterStatus status, int replayCount, Instant lastReplayedAt, UUID replayOf,
                      List<HeaderView> headers, JsonNode payload, String valueText, String valueBase64) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static DeadLetterView summary(DeadLetter d) {
        return of(d, null, null, null, null);
    }

    static DeadLetterView detail(DeadLetter d) {
        String text = utf8(d.value());
        return of(d, d.headers().stream().map(h -> new HeaderView(h.name(), utf8(h.value()))).toList(),
                json(text), text, d.value() == null ? null : Base64.getEncoder().encodeToString(d.value()));
    }

    private static DeadLetterView of(DeadLetter d, List<HeaderView> headers, JsonNode payload, String text,
                                     String base64) {
        return new DeadLetterView(d.id(), d.originalTopic(), d.originalPartition(), d.originalOffset(),
                d.originalTimestamp(), d.dlqTopic(), d.dlqPartition(), d.dlqOffset(), utf8(d.key()), d.reason(),
                d.errorClass(), d.errorMessage(), d.service(), d.consumerGroup(), d.broker(), d.correlationId(),
                d.attempts(), d.deadLetteredAt(), d.status(), d.replayCount(), d.lastReplayedAt(), d.replayOf(),
                headers, payload, text, base64);
    }

    /** A header, its value as UTF-8 text (null when binary). */
    record HeaderView(String name, String value) {
    }

    private static JsonNode json(String text) {
        if (text == null) {
            return null;
        }
        try {
            return JSON.readTree(text);
        } catch (JacksonException e) {
            return null;
        }
    }

    private static String utf8(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
