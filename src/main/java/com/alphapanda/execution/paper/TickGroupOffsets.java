package com.alphapanda.execution.paper;

import com.alphapanda.core.topic.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

/**
 * The offsets a consumer group has committed on {@code market.ticks}: whether another instance's Kafka transaction
 * for a tick committed (its group's committed offset is past the tick) or not.
 */
final class TickGroupOffsets {

    private final Admin admin;
    private final Duration timeout;

    TickGroupOffsets(Admin admin, Duration timeout) {
        this.admin = admin;
        this.timeout = timeout;
    }

    /** By partition, the next offset the group reads (a tick below it was committed); empty when it has none. */
    Map<Integer, Long> committed(String group) {
        Map<Integer, Long> offsets = new HashMap<>();
        try {
            admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS).forEach((tp, offset) -> {
                        if (offset != null && tp.topic().equals(Topics.MARKET_TICKS.name())) {
                            offsets.put(tp.partition(), offset.offset());
                        }
                    });
            return offsets;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return offsets; // the group never committed anything
            }
            throw new KafkaTickHistory.TickHistoryUnavailable("offsets of " + group + " not read: " + e);
        } catch (TimeoutException e) {
            throw new KafkaTickHistory.TickHistoryUnavailable("offsets of " + group + " not read: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaTickHistory.TickHistoryUnavailable("interrupted reading the offsets of " + group);
        }
    }
}
