package com.alphapanda.core.topic;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** A topic to exist on the cluster: name, partitions and retention. Dead-letter topics are declared here too. */
public record TopicDeclaration(String name, int partitions, Duration retention) {

    /**
     * The declarations of these topics plus a same-partitioned {@code .dlq} for each consumed one; no dead-letter
     * topics when {@code deadLetterRetention} is null (dead-lettering switched off).
     */
    public static List<TopicDeclaration> of(Collection<Topic<?>> topics, Duration deadLetterRetention) {
        List<TopicDeclaration> declarations = new ArrayList<>();
        for (Topic<?> topic : topics) {
            declarations.add(new TopicDeclaration(topic.name(), topic.partitions(), topic.retention()));
            if (topic.consumed() && deadLetterRetention != null) {
                declarations.add(new TopicDeclaration(topic.deadLetterName(), topic.partitions(), deadLetterRetention));
            }
        }
        return List.copyOf(declarations);
    }
}
