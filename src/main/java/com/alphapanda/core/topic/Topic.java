package com.alphapanda.core.topic;

import com.alphapanda.core.event.Broker;
import com.alphapanda.core.event.ControlEvent;
import com.alphapanda.core.event.EventPayload;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A typed topic: its name, the payload family it carries, the broker it belongs to (none for shared market data and
 * control), its partition count and retention. Code never parses a broker or an event type out of a name.
 *
 * @param consumed whether a service consumes it, and so whether it has a {@code <name>.dlq} dead-letter topic
 */
public record Topic<E extends EventPayload>(String name, Class<E> family, Broker broker, int partitions,
                                            Duration retention, boolean consumed) {

    public Topic {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(retention, "retention");
        if (partitions < 1) {
            throw new IllegalArgumentException("a topic has at least one partition");
        }
    }

    /** The broker this topic belongs to; empty for shared market data and control. */
    public Optional<Broker> brokerScope() {
        return Optional.ofNullable(broker);
    }

    /** The envelope broker namespace of this topic's events: the broker's id, {@code shared} or {@code system}. */
    public String namespace() {
        if (broker != null) {
            return broker.id();
        }
        return family == ControlEvent.class ? "system" : "shared";
    }

    /** The name of this topic's dead-letter topic. */
    public String deadLetterName() {
        return name + DEAD_LETTER_SUFFIX;
    }

    public static final String DEAD_LETTER_SUFFIX = ".dlq";

    @Override
    public String toString() {
        return name;
    }
}
