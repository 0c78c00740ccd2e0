package com.alphapanda.operator;

import com.alphapanda.core.event.Broker;
import com.alphapanda.core.event.CancelOrder;
import com.alphapanda.core.event.Envelope;
import com.alphapanda.core.event.EventPayload;
import com.alphapanda.core.event.OperatorRequest;
import com.alphapanda.core.event.OrderInstruction;
import com.alphapanda.core.event.SignalType;
import com.alphapanda.core.event.TradingSignal;
import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.core.id.StrategyId;
import com.alphapanda.core.money.Quantity;
import com.alphapanda.core.streaming.Envelopes;
import com.alphapanda.core.streaming.EventPublisher;
import com.alphapanda.core.topic.Topic;
import com.alphapanda.core.topic.Topics;
import com.alphapanda.portfolio.ExposureQueries;
import com.alphapanda.portfolio.ExposureQueries.OpenPosition;
import com.alphapanda.portfolio.ExposureQueries.OrderState;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cancel and flatten, as events: a cancel is a {@link CancelOrder} command on {@code {broker}.orders.commands}, which
 * the venue answers with the order's {@code CANCELLED} failure; a flatten is a market {@link TradingSignal} against
 * the position, marked with the operator's name and reason, on {@code {broker}.signals.raw} — judged by the risk
 * manager (an operator's reduction passes a halted broker and the daily caps, but never opens a position) and
 * executed like any signal. A strategy or broker flatten cancels the working orders first, then closes every
 * position. Each action is answered once Kafka has acknowledged every event it sent.
 */
public final class OperatorActions {

    static final String SOURCE = "operator";
    private static final Logger log = LoggerFactory.getLogger(OperatorActions.class);
    private static final long PUBLISH_TIMEOUT_SECONDS = 10;

    private final ExposureQueries exposure;
    private final EventPublisher publisher;
    private final Collection<Broker> brokers;
    private final Clock clock;

    OperatorActions(ExposureQueries exposure, EventPublisher publisher, Collection<Broker> brokers, Clock clock) {
        this.exposure = exposure;
        this.publisher = publisher;
        this.brokers = List.copyOf(brokers);
        this.clock = clock;
    }

    public OperatorOutcome cancel(Broker broker, String orderId, OperatorRequestContext request) {
        requireEnabled(broker);
        OrderState order = exposure.order(broker, orderId).orElseThrow(() -> new OperatorActionRefused(
                OperatorActionRefused.Kind.NOT_FOUND, "no order " + orderId + " at broker " + broker.id()));
        if (!isWorking(order)) {
            throw new OperatorActionRefused(OperatorActionRefused.Kind.CONFLICT, "order " + orderId + " is "
                    + order.status().wireName() + ": only an open or partially filled order can be cancelled");
        }
        Sent sent = new Sent();
        sent.cancel(broker, order, request);
        return sent.await("cancel", broker, request);
    }

    public OperatorOutcome flattenPosition(Broker broker, StrategyId strategy, InstrumentToken token,
                                           OperatorRequestContext request) {
        requireEnabled(broker);
        OpenPosition position = exposure.openPositions(broker, Optional.of(strategy)).stream()
                .filter(p -> p.instrumentToken().equals(token)).findFirst()
                .orElseThrow(() -> new OperatorActionRefused(OperatorActionRefused.Kind.CONFLICT,
                        "strategy " + strategy.value() + " has no open position in instrument " + token.value()
                                + " at broker " + broker.id()));
        Sent sent = new Sent();
        sent.close(position, request);
        return sent.await("flatten-position", broker, request);
    }

    public OperatorOutcome flattenStrategy(Broker broker, StrategyId strategy, OperatorRequestContext request) {
        requireEnabled(broker);
        return flatten("flatten-strategy", broker, Optional.of(strategy), request);
    }

    public OperatorOutcome flattenBroker(Broker broker, OperatorRequestContext request) {
        requireEnabled(broker);
        return flatten("flatten-broker", broker, Optional.empty(), request);
    }

    private OperatorOutcome flatten(String action, Broker broker, Optional<StrategyId> strategy,
                                    OperatorRequestContext request) {
        Sent sent = new Sent();
        exposure.workingOrders(broker, strategy).forEach(o -> sent.cancel(broker, o, request));
        exposure.openPositions(broker, strategy).forEach(p -> sent.close(p, request));
        log.info("Operator {} of {}{} by {}: {} cancels, {} closing signals ({})", action, broker.id(),
                strategy.map(s -> "/" + s.value()).orElse(""), request.requestedBy(), sent.cancels.size(),
                sent.closes.size(), request.reason());
        return sent.await(action, broker, request);
    }

    /**
     * The event time of an operator's event: now, or the target's last event time when that is later (a replay or the
     * simulated session can run ahead of the wall clock), so the action follows the history it acts on.
     */
    private Instant eventTime(Instant lastEventAt) {
        Instant now = clock.instant();
        return lastEventAt != null && lastEventAt.isAfter(now) ? lastEventAt.plusMillis(1) : now;
    }

    private void requireEnabled(Broker broker) {
        if (!brokers.contains(broker)) {
            throw new OperatorActionRefused(OperatorActionRefused.Kind.NOT_FOUND,
                    "broker " + broker.id() + " is not enabled");
        }
    }

    private static boolean isWorking(OrderState order) {
        return switch (order.status()) {
            case OPEN, PARTIALLY_FILLED -> order.quantity() != null;
            case FILLED, CANCELLED, EXPIRED, FAILED -> false;
        };
    }

    /** The events of one action, published as they are built and awaited together. */
    private final class Sent {
        private final List<OperatorOutcome.CancelSent> cancels = new ArrayList<>();
        private final List<OperatorOutcome.CloseSent> closes = new ArrayList<>();
        private final List<CompletableFuture<?>> acks = new ArrayList<>();

        void cancel(Broker broker, OrderState order, OperatorRequestContext request) {
            CancelOrder command = new CancelOrder(order.orderId(), order.strategyId(), order.instrumentToken(),
                    request.requestedBy(), request.reason(), eventTime(order.lastEventAt()));
            Envelope<CancelOrder> envelope = root(Topics.orderCommands(broker), command, request);
            acks.add(publisher.publish(Topics.orderCommands(broker), envelope));
            cancels.add(new OperatorOutcome.CancelSent(envelope.id().asString(), order.orderId(), order.strategyId(),
                    order.instrumentToken()));
        }

        void close(OpenPosition position, OperatorRequestContext request) {
            SignalType side = position.quantity() > 0 ? SignalType.SELL : SignalType.BUY;
            long quantity = Math.abs(position.quantity());
            TradingSignal signal = new TradingSignal(position.strategyId(), position.instrumentToken(), side,
                    Quantity.of(quantity), null, eventTime(position.lastFillAt()), null, OrderInstruction.MARKET_DAY,
                    "Operator flatten by " + request.requestedBy() + ": " + request.reason(),
                    new OperatorRequest(request.requestedBy(), request.reason()));
            Envelope<TradingSignal> envelope = root(Topics.signalsRaw(position.broker()), signal, request);
            acks.add(publisher.publish(Topics.signalsRaw(position.broker()), envelope));
            closes.add(new OperatorOutcome.CloseSent(envelope.id().asString(), position.strategyId(),
                    position.instrumentToken(), side, quantity));
        }

        OperatorOutcome await(String action, Broker broker, OperatorRequestContext request) {
            try {
                CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                        .get(PUBLISH_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw notPublished(action, e);
            } catch (ExecutionException | TimeoutException e) {
                throw notPublished(action, e);
            }
            String correlationId = request.correlationId();
            return new OperatorOutcome(action, broker, request.requestedBy(), request.reason(), correlationId,
                    List.copyOf(cancels), List.copyOf(closes));
        }

        private OperatorActionRefused notPublished(String action, Exception e) {
            log.warn("Operator {}: Kafka did not acknowledge every event ({}); some may still be delivered", action,
                    e.toString());
            return new OperatorActionRefused(OperatorActionRefused.Kind.NOT_PUBLISHED, "Kafka did not acknowledge "
                    + "the events of this " + action + " within " + PUBLISH_TIMEOUT_SECONDS + " s; check "
                    + "/api/v1/orders before repeating it");
        }
    }

    private static <F extends EventPayload, E extends F> Envelope<E> root(Topic<F> topic, E payload,
                                                                         OperatorRequestContext request) {
        return request.correlationId() == null ? Envelopes.root(topic, payload, SOURCE)
                : Envelopes.root(topic, payload, SOURCE, request.correlationId());
    }
}
