package com.alphapanda.execution.zerodha;

import com.alphapanda.core.event.Envelope;
import com.alphapanda.core.event.OrderEvent;
import com.alphapanda.core.streaming.EventPublisher;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Publishes what order updates and the periodic check of working orders find. The fills are recorded and the events
 * acknowledged by Kafka in one database transaction: if publishing fails the fills are not recorded, and the next
 * update or check finds them again (a fill is never recorded without its event).
 */
public final class ZerodhaOrderUpdatePublisher {

    private static final Logger log = LoggerFactory.getLogger(ZerodhaOrderUpdatePublisher.class);

    private final ZerodhaOrderUpdates updates;
    private final ZerodhaBroker broker;
    private final KiteSessions sessions;
    private final EventPublisher publisher;
    private final TransactionOperations transactions;

    ZerodhaOrderUpdatePublisher(ZerodhaOrderUpdates updates, ZerodhaBroker broker, KiteSessions sessions,
                                EventPublisher publisher, TransactionOperations transactions) {
        this.updates = updates;
        this.broker = broker;
        this.sessions = sessions;
        this.publisher = publisher;
        this.transactions = transactions;
    }

    /** An authenticated postback; {@link ZerodhaOrderUpdates.RefusedPostbackException} when it is not one. */
    public int postback(String body) {
        return publish(() -> updates.onPostback(body));
    }

    /** A KiteTicker text frame. */
    int textFrame(String frame) {
        return publish(() -> updates.onTextFrame(frame));
    }

    /**
     * Working orders brought up to date with Kite (when there is a session): the first step of each reconciliation
     * run ({@link ZerodhaReconciler}, the cluster job's owner, every {@code reconciliation-interval}).
     */
    void checkWorkingOrders() {
        if (sessions.state() instanceof SessionState.Active) {
            int published = publish(() -> ZerodhaOrderUpdates.envelopes(broker.refresh()));
            if (published > 0) {
                log.info("Checking working Kite orders found {} update(s)", published);
            }
        }
    }

    private int publish(Supplier<List<Envelope<OrderEvent>>> work) {
        Integer count = transactions.execute(tx -> {
            List<Envelope<OrderEvent>> envelopes = work.get();
            CompletableFuture.allOf(envelopes.stream()
                    .map(e -> publisher.publish(ZerodhaTradingEngine.topicOf(e.payload()), e))
                    .toArray(CompletableFuture[]::new)).join();
            return envelopes.size();
        });
        return count == null ? 0 : count;
    }
}
