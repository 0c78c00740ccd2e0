package com.alphapanda.marketfeed;

import com.alphapanda.core.topic.Topics;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits until every partition of {@code market.ticks} has a leader before a source starts. Right after the topic is
 * created, sends can fail with NOT_LEADER_OR_FOLLOWER and, observed on the embedded broker, end in an
 * out-of-order-sequence error that loses the first ticks.
 */
final class TickTopicReadiness {

    private static final Logger log = LoggerFactory.getLogger(TickTopicReadiness.class);
    private static final String TOPIC = Topics.MARKET_TICKS.name();

    private final Admin admin;
    private final Duration timeout;

    TickTopicReadiness(Admin admin, Duration timeout) {
        this.admin = admin;
        this.timeout = timeout;
    }

    void await() throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (allLeadersElected()) {
                return;
            }
            Thread.sleep(100);
        }
        log.warn("Partitions of {} still without a leader after {}; starting the feed anyway", TOPIC, timeout);
    }

    private boolean allLeadersElected() throws InterruptedException {
        try {
            TopicDescription d = admin.describeTopics(List.of(TOPIC)).allTopicNames().get(5, TimeUnit.SECONDS)
                    .get(TOPIC);
            return d.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty());
        } catch (ExecutionException | TimeoutException e) {
            return false; // not described yet: ask again
        }
    }
}
