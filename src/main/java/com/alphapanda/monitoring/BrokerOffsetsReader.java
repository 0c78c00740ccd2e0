package com.alphapanda.monitoring;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.DescribeConsumerGroupsOptions;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsOptions;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsResult;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

/**
 * Reads, with the Kafka Admin API, every consumer group whose id starts with the prefix: state, members, committed
 * offsets on every partition of the topics it consumes, and the end (last stable) and start offsets of those
 * partitions. A batch of requests per collection, whatever the number of groups.
 */
final class BrokerOffsetsReader {

    private final Admin admin;
    private final String groupPrefix;
    private final Duration timeout;
    private final RetiredInstanceGroups retired;

    BrokerOffsetsReader(Admin admin, String groupPrefix, Duration timeout, RetiredInstanceGroups retired) {
        this.admin = admin;
        this.groupPrefix = groupPrefix;
        this.timeout = timeout;
        this.retired = retired;
    }

    BrokerOffsets read() {
        List<String> ids = await(admin.listGroups(ListGroupsOptions.forConsumerGroups().timeoutMs(timeoutMs())).all(),
                "list consumer groups").stream()
                .map(GroupListing::groupId).filter(id -> id.startsWith(groupPrefix)).sorted().toList();
        if (ids.isEmpty()) {
            return new BrokerOffsets(List.of(), Map.of(), Map.of());
        }
        List<PendingGroup> pending = describe(ids).stream().filter(g -> !retired.retired(g.id(), g.members()))
                .toList();
        Map<String, Optional<Integer>> partitionCounts = partitionCounts(pending);
        List<BrokerOffsets.Group> groups = pending.stream().map(p -> p.complete(partitionCounts)).toList();
        Set<TopicPartition> all = groups.stream().flatMap(g -> g.committed().keySet().stream())
                .collect(Collectors.toSet());
        Set<TopicPartition> uncommitted = groups.stream().flatMap(g -> g.committed().entrySet().stream())
                .filter(e -> e.getValue() == OffsetSample.NONE).map(Map.Entry::getKey).collect(Collectors.toSet());
        return new BrokerOffsets(groups, offsets(all, OffsetSpec.latest()), offsets(uncommitted, OffsetSpec.earliest()));
    }

    private List<PendingGroup> describe(List<String> ids) {
        Map<String, KafkaFuture<ConsumerGroupDescription>> descriptions = admin.describeConsumerGroups(ids,
                new DescribeConsumerGroupsOptions().timeoutMs(timeoutMs())).describedGroups();
        ListConsumerGroupOffsetsResult committed = admin.listConsumerGroupOffsets(
                ids.stream().collect(Collectors.toMap(Function.identity(), id -> new ListConsumerGroupOffsetsSpec())),
                new ListConsumerGroupOffsetsOptions().timeoutMs(timeoutMs()));
        return ids.stream().map(id -> readGroup(id, descriptions.get(id), committed.partitionsToOffsetAndMetadata(id)))
                .toList();
    }

    private PendingGroup readGroup(String id, KafkaFuture<ConsumerGroupDescription> description,
                                   KafkaFuture<Map<TopicPartition, OffsetAndMetadata>> committed) {
        try {
            ConsumerGroupDescription d = description.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (d.groupState() == GroupState.DEAD) {
                return PendingGroup.failed(id, "group no longer exists");
            }
            Map<TopicPartition, Long> offsets = new HashMap<>();
            committed.get(timeout.toMillis(), TimeUnit.MILLISECONDS).forEach((tp, o) -> {
                if (o != null) {
                    offsets.put(tp, o.offset());
                }
            });
            Set<TopicPartition> assigned = new HashSet<>();
            d.members().forEach(m -> assigned.addAll(m.assignment().topicPartitions()));
            return new PendingGroup(id, d.groupState().name(), d.members().size(), offsets, assigned, null);
        } catch (ExecutionException e) {
            return PendingGroup.failed(id, e.getCause() instanceof GroupIdNotFoundException
                    ? "group no longer exists" : describe(e.getCause()));
        } catch (TimeoutException e) {
            return PendingGroup.failed(id, "timed out after " + timeout.toMillis() + " ms reading the group");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LagCollectionException("interrupted while reading group " + id, e);
        }
    }

    private Map<String, Optional<Integer>> partitionCounts(List<PendingGroup> groups) {
        Set<String> topics = new TreeSet<>();
        groups.forEach(g -> topics.addAll(g.topics()));
        if (topics.isEmpty()) {
            return Map.of();
        }
        Map<String, KafkaFuture<TopicDescription>> described = admin.describeTopics(topics).topicNameValues();
        Map<String, Optional<Integer>> counts = new HashMap<>();
        for (String topic : topics) {
            counts.put(topic, optional(described.get(topic)).map(d -> d.partitions().size()));
        }
        return counts;
    }

    private Map<TopicPartition, Long> offsets(Collection<TopicPartition> partitions, OffsetSpec spec) {
        if (partitions.isEmpty()) {
            return Map.of();
        }
        ListOffsetsResult result = admin.listOffsets(
                partitions.stream().collect(Collectors.toMap(Function.identity(), tp -> spec)),
                new ListOffsetsOptions(IsolationLevel.READ_COMMITTED).timeoutMs(timeoutMs()));
        Map<TopicPartition, Long> offsets = new HashMap<>();
        for (TopicPartition tp : partitions) {
            optional(result.partitionResult(tp)).ifPresent(info -> offsets.put(tp, info.offset()));
        }
        return offsets;
    }

    /** A future's value, or empty when that one item failed (a topic deleted meanwhile); no answer at all throws. */
    private <T> Optional<T> optional(KafkaFuture<T> future) {
        try {
            return Optional.of(future.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (ExecutionException e) {
            return Optional.empty();
        } catch (TimeoutException e) {
            throw new LagCollectionException("broker did not answer within " + timeout.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LagCollectionException("interrupted while reading offsets", e);
        }
    }

    private <T> T await(KafkaFuture<T> future, String what) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new LagCollectionException("broker unreachable: could not " + what + ": " + describe(e.getCause()), e);
        } catch (TimeoutException e) {
            throw new LagCollectionException("broker unreachable: could not " + what + " within "
                    + timeout.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LagCollectionException("interrupted while trying to " + what, e);
        }
    }

    private int timeoutMs() {
        return Math.toIntExact(timeout.toMillis());
    }

    static String describe(Throwable t) {
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
