package com.alphapanda.core.topic;

import com.alphapanda.core.event.Broker;
import com.alphapanda.core.event.ControlEvent;
import com.alphapanda.core.event.MarketEvent;
import com.alphapanda.core.event.OrderCommand;
import com.alphapanda.core.event.OrderEvent;
import com.alphapanda.core.event.PnlEvent;
import com.alphapanda.core.event.RiskDecisionEvent;
import com.alphapanda.core.event.SignalEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The catalogue of every topic (ARCHITECTURE.md §4): names, payload families, partitions (ticks 12, signals 6,
 * others 3) and retention (ticks 1 h, signals 1 d, paper orders and PnL 7 d, zerodha orders and PnL 30 d).
 */
public final class Topics {

    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration DAY = Duration.ofDays(1);
    private static final int SIGNAL_PARTITIONS = 6;
    private static final int DEFAULT_PARTITIONS = 3;

    /** Market ticks from every feed, shared by all brokers, keyed by instrument token. */
    public static final Topic<MarketEvent> MARKET_TICKS =
            new Topic<>("market.ticks", MarketEvent.class, null, 12, HOUR, true);

    /** Trading-state changes, applied by every instance, keyed by broker. */
    public static final Topic<ControlEvent> CONTROL =
            new Topic<>("alpha-panda.control", ControlEvent.class, null, DEFAULT_PARTITIONS, Duration.ofDays(7), true);

    private Topics() {
    }

    public static Topic<SignalEvent> signalsRaw(Broker broker) {
        return new Topic<>(broker.id() + ".signals.raw", SignalEvent.class, broker, SIGNAL_PARTITIONS, DAY, true);
    }

    public static Topic<RiskDecisionEvent> signalsValidated(Broker broker) {
        return new Topic<>(broker.id() + ".signals.validated", RiskDecisionEvent.class, broker, SIGNAL_PARTITIONS,
                DAY, true);
    }

    public static Topic<RiskDecisionEvent> signalsRejected(Broker broker) {
        return new Topic<>(broker.id() + ".signals.rejected", RiskDecisionEvent.class, broker, SIGNAL_PARTITIONS,
                DAY, true);
    }

    public static Topic<OrderEvent> ordersSubmitted(Broker broker) {
        return orders(broker, "submitted");
    }

    public static Topic<OrderEvent> ordersFilled(Broker broker) {
        return orders(broker, "filled");
    }

    public static Topic<OrderEvent> ordersFailed(Broker broker) {
        return orders(broker, "failed");
    }

    /** Operator commands to the broker's venue (cancel an order), keyed like the order's events. */
    public static Topic<OrderCommand> orderCommands(Broker broker) {
        return new Topic<>(broker.id() + ".orders.commands", OrderCommand.class, broker, DEFAULT_PARTITIONS,
                auditRetention(broker), true);
    }

    public static Topic<PnlEvent> pnlSnapshots(Broker broker) {
        return new Topic<>(broker.id() + ".pnl.snapshots", PnlEvent.class, broker, DEFAULT_PARTITIONS,
                auditRetention(broker), true);
    }

    /** Every topic of one broker. */
    public static List<Topic<?>> ofBroker(Broker broker) {
        return List.of(signalsRaw(broker), signalsValidated(broker), signalsRejected(broker),
                ordersSubmitted(broker), ordersFilled(broker), ordersFailed(broker), orderCommands(broker),
                pnlSnapshots(broker));
    }

    /** Every topic the platform needs with these brokers enabled: shared ones first, then each broker's. */
    public static List<Topic<?>> all(Collection<Broker> brokers) {
        List<Topic<?>> topics = new ArrayList<>(List.of(MARKET_TICKS, CONTROL));
        brokers.stream().distinct().sorted().forEach(b -> topics.addAll(ofBroker(b)));
        return List.copyOf(topics);
    }

    private static Topic<OrderEvent> orders(Broker broker, String stage) {
        return new Topic<>(broker.id() + ".orders." + stage, OrderEvent.class, broker, DEFAULT_PARTITIONS,
                auditRetention(broker), true);
    }

    /** Paper orders and PnL are kept 7 days, real (zerodha) ones 30 days. */
    private static Duration auditRetention(Broker broker) {
        return switch (broker) {
            case PAPER -> Duration.ofDays(7);
            case ZERODHA -> Duration.ofDays(30);
        };
    }
}
