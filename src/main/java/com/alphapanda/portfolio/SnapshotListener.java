package com.alphapanda.portfolio;

import com.alphapanda.core.event.Broker;
import com.alphapanda.core.event.Envelope;
import com.alphapanda.core.event.PnlEvent;
import com.alphapanda.core.event.PnlSnapshot;
import com.alphapanda.core.streaming.BatchProcessor;
import com.alphapanda.core.streaming.BatchStage;
import com.alphapanda.core.topic.Topics;
import java.util.Collection;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;

/**
 * Consumes {@code {broker}.pnl.snapshots} of every enabled broker (group {@code alpha-panda.reconciliation.snapshots}),
 * one Kafka and one database transaction per poll.
 */
class SnapshotListener {

    /** Listener container id of the snapshot consumer. */
    static final String LISTENER_ID = "reconciliation.snapshots";

    private final SnapshotReconciler reconciler;
    private final BatchProcessor batches;
    private final String[] topics;
    private final BatchStage<PnlEvent> stage = BatchStage.writingDatabase(PnlEvent.class, this::process);

    SnapshotListener(SnapshotReconciler reconciler, BatchProcessor batches, Collection<Broker> brokers) {
        this.reconciler = reconciler;
        this.batches = batches;
        this.topics = brokers.stream().sorted().map(b -> Topics.pnlSnapshots(b).name()).toArray(String[]::new);
    }

    /** The snapshot topics consumed (SpEL {@code __listener.snapshotTopics}). */
    public String[] getSnapshotTopics() {
        return topics.clone();
    }

    @KafkaListener(id = LISTENER_ID, topics = "#{__listener.snapshotTopics}",
            groupId = "alpha-panda.reconciliation.snapshots")
    void onSnapshots(List<ConsumerRecord<String, byte[]>> records, Acknowledgment ack) {
        batches.process(records, ack, stage);
    }

    private void process(Envelope<PnlEvent> envelope, ConsumerRecord<String, byte[]> record) {
        switch (envelope.payload()) {
            case PnlSnapshot snapshot -> reconciler.onSnapshot(snapshot);
        }
    }
}
