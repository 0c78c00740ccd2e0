package com.alphapanda.monitoring;

import com.alphapanda.core.event.Broker;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What one instance's pipeline stages had done when it published its counts: per stage and broker ({@link #key}),
 * events so far, the newest event time and the last activity (epoch milliseconds, 0 = never).
 */
record InstanceActivity(String instanceId, Instant publishedAt, Map<String, Counts> slots) {

    /** One stage of one broker on one instance. */
    record Counts(long events, long lastEventMillis, long lastActivityMillis) {
    }

    InstanceActivity {
        slots = Map.copyOf(slots);
    }

    /** The slot key of a stage: {@code stage/broker}, {@code stage/shared} for the market feed. */
    static String key(PipelineStage stage, Broker broker) {
        return stage.label() + '/' + (stage.shared() ? PipelineActivity.SHARED : broker.id());
    }

    /** One line for the publication time, then one line per slot: {@code key events lastEvent lastActivity}. */
    String encode() {
        StringBuilder text = new StringBuilder().append(publishedAt.toEpochMilli());
        slots.forEach((key, c) -> text.append('\n').append(key).append(' ').append(c.events()).append(' ')
                .append(c.lastEventMillis()).append(' ').append(c.lastActivityMillis()));
        return text.toString();
    }

    /** The counts another instance published; empty when the text is not such a publication. */
    static Optional<InstanceActivity> decode(String instanceId, String text) {
        try {
            String[] lines = text.split("\n");
            Map<String, Counts> slots = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                String[] f = lines[i].split(" ");
                if (f.length != 4) {
                    return Optional.empty();
                }
                slots.put(f[0], new Counts(Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3])));
            }
            return Optional.of(new InstanceActivity(instanceId, Instant.ofEpochMilli(Long.parseLong(lines[0])),
                    slots));
        } catch (NumberFormatException | DateTimeException notOurs) {
            return Optional.empty();
        }
    }
}
