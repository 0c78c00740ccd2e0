package com.alphapanda.portfolio;

import com.alphapanda.core.event.Broker;
import com.alphapanda.core.event.Envelope;
import com.alphapanda.core.event.PnlEvent;
import com.alphapanda.core.event.PnlSnapshot;
import com.alphapanda.core.streaming.CorrelationContext;
import com.alphapanda.core.topic.Topics;
import java.util.Collection;
import org.springframework.kafka.annotation.KafkaListener;

/** Consumes {@code {broker}.pnl.snapshots} of every enabled broker (group {@code alpha-panda.reconciliation.snapshots}). */
class SnapshotListener {

    /** Listener container id of the snapshot consumer. */
    static final String LISTENER_ID = "reconciliation.snapshots";

    private final SnapshotReconciler reconciler;
    private final String[] topics;

    SnapshotListener(SnapshotReconciler reconciler, Collection<Broker> brokers) {
        this.reconciler = reconciler;
        this.topics = brokers.stream().sorted().map(b -> Topics.pnlSnapshots(b).name()).toArray(String[]::new);
    }

    /** The snapshot topics consumed (SpEL {@code __listener.snapshotTopics}). */
    public String[] getSnapshotTopics() {
        return topics.clone();
    }

    @KafkaListener(id = LISTENER_ID, topics = "#{__listener.snapshotTopics}",
            groupId = "alpha-panda.reconciliation.snapshots")
    void onSnapshot(Envelope<PnlEvent> envelope) {
        try (CorrelationContext ignored = CorrelationContext.of(envelope)) {
            switch (envelope.payload()) {
                case PnlSnapshot snapshot -> reconciler.onSnapshot(snapshot);
            }
        }
    }
}
