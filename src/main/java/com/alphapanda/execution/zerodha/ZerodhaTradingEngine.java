package com.alphapanda.execution.zerodha;

import com.alphapanda.core.event.Broker;
import com.alphapanda.core.event.Envelope;
import com.alphapanda.core.event.OrderEvent;
import com.alphapanda.core.event.OrderFailed;
import com.alphapanda.core.event.OrderFilled;
import com.alphapanda.core.event.OrderSubmitted;
import com.alphapanda.core.event.ValidatedSignal;
import com.alphapanda.core.streaming.Envelopes;
import com.alphapanda.core.topic.Topic;
import com.alphapanda.core.topic.Topics;
import com.alphapanda.execution.OrderRequest;
import java.util.List;
import org.springframework.transaction.support.TransactionOperations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Executes zerodha validated signals. Every signal ends in events: with no usable Kite session, or with live trading
 * switched off, it is refused ({@code OrderFailed} on {@code zerodha.orders.failed} with the reason); otherwise the
 * broker places it at Kite. Nothing is left unconsumed or silently dropped.
 */
final class ZerodhaTradingEngine {

    static final String SOURCE = "zerodha_trading";
    static final String SESSION_UNAVAILABLE = "ZERODHA_SESSION_UNAVAILABLE";
    static final String LIVE_TRADING_DISABLED = "LIVE_TRADING_DISABLED";
    static final int MAX_MESSAGE = 500;
    private static final Logger log = LoggerFactory.getLogger(ZerodhaTradingEngine.class);

    private final KiteSessions sessions;
    private final boolean liveTradingEnabled;
    private final ZerodhaBroker broker;
    private final ZerodhaJournal journal;
    private final TransactionOperations transactions;

    ZerodhaTradingEngine(KiteSessions sessions, boolean liveTradingEnabled, ZerodhaBroker broker,
                         ZerodhaJournal journal, TransactionOperations transactions) {
        this.sessions = sessions;
        this.liveTradingEnabled = liveTradingEnabled;
        this.broker = broker;
        this.journal = journal;
        this.transactions = transactions;
    }

    /**
     * The events of a validated signal. A signal seen before gets its journaled events back; otherwise its outcome
     * and the journal entry are committed in one database transaction (the broker's reservation before the call to
     * Kite is committed on its own, so an interrupted attempt is resolved by tag on redelivery).
     */
    List<Envelope<OrderEvent>> onValidated(Envelope<?> cause, ValidatedSignal validated) {
        return transactions.execute(tx -> {
            List<Envelope<OrderEvent>> done = journal.envelopesOf(cause.id());
            if (!done.isEmpty()) {
                log.info("Zerodha signal {} was handled before: re-publishing its {} order events", cause.id(),
                        done.size());
                return done;
            }
            List<Envelope<OrderEvent>> envelopes = decide(cause, validated);
            journal.append(cause.id(), envelopes);
            return envelopes;
        });
    }

    private List<Envelope<OrderEvent>> decide(Envelope<?> cause, ValidatedSignal validated) {
        OrderRequest request = OrderRequest.of(cause.id(), validated);
        List<OrderEvent> events = switch (sessions.state()) {
            case SessionState.Unavailable unavailable -> List.of(refuse(request, SESSION_UNAVAILABLE,
                    "Zerodha is not available: " + unavailable.reason()));
            case SessionState.Active active when !liveTradingEnabled -> List.of(refuse(request, LIVE_TRADING_DISABLED,
                    "live trading is disabled (alpha-panda.zerodha.live-trading-enabled=false): nothing was sent "
                            + "to Kite"));
            case SessionState.Active active -> broker.place(request);
        };
        return events.stream().map(e -> envelope(cause, e)).toList();
    }

    static OrderFailed refuse(OrderRequest request, String code, String message) {
        log.warn("Zerodha signal {} refused: {}", request.signalId(), message);
        return new OrderFailed(request.signalId().asString(), request.strategyId(), request.instrumentToken(),
                request.side(), request.quantity(), request.referencePrice(), code, bounded(message),
                request.eventTime());
    }

    /** A failure message as the order store keeps it: at most {@value #MAX_MESSAGE} characters. */
    static String bounded(String message) {
        return message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE - 1) + "…";
    }

    static Envelope<OrderEvent> envelope(Envelope<?> cause, OrderEvent event) {
        return Envelopes.<OrderEvent, OrderEvent>child(topicOf(event), event, SOURCE, cause);
    }

    static Topic<OrderEvent> topicOf(OrderEvent event) {
        return switch (event) {
            case OrderSubmitted s -> Topics.ordersSubmitted(Broker.ZERODHA);
            case OrderFilled f -> Topics.ordersFilled(Broker.ZERODHA);
            case OrderFailed f -> Topics.ordersFailed(Broker.ZERODHA);
        };
    }
}
