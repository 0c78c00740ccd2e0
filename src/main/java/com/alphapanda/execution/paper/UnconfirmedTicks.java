package com.alphapanda.execution.paper;

import com.alphapanda.core.event.Envelope;
import com.alphapanda.core.event.OrderEvent;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tick events other instances journaled (within {@code window}) for the orders of partitions newly assigned here,
 * whose tick their group never committed on {@code market.ticks}: that instance died between its database commit and
 * its Kafka commit, so they were never published. The new owner publishes them again, same ids (consumers are
 * idempotent by id; should that instance still commit, the copies are recognised).
 */
final class UnconfirmedTicks {

    private static final Logger log = LoggerFactory.getLogger(UnconfirmedTicks.class);

    private final PaperJournal journal;
    private final Function<String, Map<Integer, Long>> committedOffsets;
    private final Duration window;
    /** Signal partitions assigned here and not checked yet. */
    private final Set<Integer> unchecked = new TreeSet<>();
    /** Checked in the current batch: done once it commits. */
    private final Set<Integer> checking = new TreeSet<>();

    UnconfirmedTicks(PaperJournal journal, Function<String, Map<Integer, Long>> committedOffsets, Duration window) {
        this.journal = journal;
        this.committedOffsets = committedOffsets;
        this.window = window;
    }

    void assigned(Collection<Integer> partitions) {
        unchecked.addAll(partitions);
    }

    void revoked(Collection<Integer> partitions) {
        unchecked.removeAll(partitions);
    }

    /** The events to publish again with the current batch (written by groups other than {@code ownGroup}). */
    List<Envelope<OrderEvent>> lost(String ownGroup) {
        if (unchecked.isEmpty()) {
            return List.of();
        }
        Map<String, Map<Integer, Long>> committed = new HashMap<>();
        List<Envelope<OrderEvent>> lost = journal.byOtherGroups(unchecked, ownGroup, window).stream()
                .filter(w -> w.tick().offset() >= committed.computeIfAbsent(w.tick().group(), committedOffsets)
                        .getOrDefault(w.tick().partition(), 0L))
                .map(PaperJournal.Written::envelope).toList();
        if (!lost.isEmpty()) {
            log.warn("Re-publishing {} tick events of signal partitions {} whose Kafka transaction never committed",
                    lost.size(), unchecked);
        }
        checking.addAll(unchecked);
        return lost;
    }

    /** The batch committed: its checks are done. */
    void committed() {
        unchecked.removeAll(checking);
        checking.clear();
    }

    /** The batch rolled back: its checks are made again. */
    void rolledBack() {
        checking.clear();
    }
}
