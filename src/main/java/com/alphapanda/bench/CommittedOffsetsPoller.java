package com.alphapanda.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Polls the portfolio manager group's committed offsets on the fills topic from the broker (Admin client, as the lag
 * monitor reads them) every few milliseconds and hands them to {@link PortfolioProgress}. The poll interval bounds the
 * resolution of fill → portfolio updated.
 */
final class CommittedOffsetsPoller implements Runnable {

    static final String PORTFOLIO_GROUP = "alpha-panda.portfolio-manager.orders";
    static final long INTERVAL_MILLIS = 5;

    private final Admin admin;
    private final List<TopicPartition> partitions;
    private final PortfolioProgress progress;
    private volatile boolean stopped;
    private volatile long failures;

    CommittedOffsetsPoller(Admin admin, List<TopicPartition> partitions, PortfolioProgress progress) {
        this.admin = admin;
        this.partitions = List.copyOf(partitions);
        this.progress = progress;
    }

    void stop() {
        stopped = true;
    }

    long failures() {
        return failures;
    }

    @Override
    public void run() {
        while (!stopped) {
            try {
                pollOnce();
                Thread.sleep(INTERVAL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException | TimeoutException e) {
                failures++;
            }
        }
    }

    /** Reads the committed offsets once and returns their sum (the records the group has consumed). */
    long pollOnce() throws InterruptedException, ExecutionException, TimeoutException {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(
                        Map.of(PORTFOLIO_GROUP, new ListConsumerGroupOffsetsSpec().topicPartitions(partitions)))
                .partitionsToOffsetAndMetadata(PORTFOLIO_GROUP).get(5, TimeUnit.SECONDS);
        long seen = BenchClock.nowMicros();
        long sum = 0;
        for (Map.Entry<TopicPartition, OffsetAndMetadata> e : offsets.entrySet()) {
            if (e.getValue() != null) {
                progress.committed(e.getKey().partition(), e.getValue().offset(), seen);
                sum += e.getValue().offset();
            }
        }
        return sum;
    }
}
