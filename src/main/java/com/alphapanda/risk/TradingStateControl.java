package com.alphapanda.risk;

import com.alphapanda.core.event.Broker;
import com.alphapanda.core.event.Envelope;
import com.alphapanda.core.event.TradingState;
import com.alphapanda.core.event.TradingStateChanged;
import com.alphapanda.core.streaming.Envelopes;
import com.alphapanda.core.streaming.EventPublisher;
import com.alphapanda.core.topic.Topics;
import java.time.Clock;
import java.util.Collection;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Operator control of a broker's trading state from a running instance (the REST API): stores the change with who,
 * when and why in the history (PostgreSQL is the source of truth), applies it on this instance at once and announces
 * it on {@code alpha-panda.control} with the request's correlation id so the other instances re-read it immediately.
 * If the announcement fails they still apply it within a second (they re-read the table every second).
 */
public final class TradingStateControl {

    private static final Logger log = LoggerFactory.getLogger(TradingStateControl.class);
    private static final long PUBLISH_TIMEOUT_SECONDS = 10;

    /** What a change did: the change, the event announcing it, and whether it was published. */
    public record Result(TradingStateChanged change, Envelope<TradingStateChanged> event, boolean published) {
    }

    private final TradingStateStore store;
    private final TradingStates applied;
    private final EventPublisher publisher;
    private final Collection<Broker> brokers;
    private final Clock clock;

    TradingStateControl(TradingStateStore store, TradingStates applied, EventPublisher publisher,
                        Collection<Broker> brokers, Clock clock) {
        this.store = store;
        this.applied = applied;
        this.publisher = publisher;
        this.brokers = brokers;
        this.clock = clock;
    }

    /** Whether this instance trades on the broker (only those can be controlled here). */
    public boolean controls(Broker broker) {
        return brokers.contains(broker);
    }

    /** Changes the state; {@code correlationId} (null: a new one) is carried by the announcing event. */
    public Result change(Broker broker, TradingState state, String reason, String changedBy, String correlationId) {
        TradingStateChanged changed = store.change(broker, state, reason, changedBy, clock.instant());
        applied.set(store.current(broker));
        Envelope<TradingStateChanged> event = correlationId == null
                ? Envelopes.root(Topics.CONTROL, changed, "api")
                : Envelopes.root(Topics.CONTROL, changed, "api", correlationId);
        log.info("Trading state of {}: {} -> {} (by {}: {})", broker.id(), changed.previousState(), state, changedBy,
                reason);
        return new Result(changed, event, publish(event));
    }

    private boolean publish(Envelope<TradingStateChanged> event) {
        try {
            publisher.publish(Topics.CONTROL, event).get(PUBLISH_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("Trading-state change {} not announced (interrupted); instances apply it within a second",
                    event.id());
        } catch (ExecutionException | TimeoutException e) {
            log.warn("Trading-state change {} not announced ({}); instances apply it within a second", event.id(),
                    e.toString());
        }
        return false;
    }
}
