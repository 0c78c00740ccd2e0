package com.alphapanda.core.platform;

import com.alphapanda.core.event.Broker;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A service an instance can run, selected by {@code alpha-panda.services}. Each owns the Kafka listeners whose ids
 * start with its listener prefixes and the schedulers of its feature.
 */
public enum Service {
    /** The market feed: publishes ticks from the simulated, replay or Kite source. */
    FEED,
    /** The strategy runner (ticks in, raw signals out). */
    STRATEGIES("strategy-runner"),
    /** The risk manager (raw signals in, validated or rejected out; its tick and control views). */
    RISK("risk-manager."),
    /** The paper venue's trading engine (validated paper signals, order commands and ticks in, order events out). */
    PAPER_TRADING("paper-trading."),
    /** The Zerodha trading engine (validated zerodha signals in, orders to Kite, order events out). */
    ZERODHA_TRADING("zerodha-trading."),
    /** The portfolio manager: ledger, read model, marks and PnL snapshot production. */
    PORTFOLIO("portfolio-manager."),
    /** Snapshot checking against the ledger (reconciliation). */
    RECONCILIATION("reconciliation."),
    /** Consumer lag, pipeline health, the end-to-end probe, and the dead-letter index. */
    MONITORING("monitoring.", "dead-letter"),
    /** The REST API ({@code /api/v1}) and its live stream. */
    API;

    private final String[] listenerPrefixes;

    Service(String... listenerPrefixes) {
        this.listenerPrefixes = listenerPrefixes;
    }

    /** The name used in {@code alpha-panda.services}: {@code paper-trading}, {@code risk}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The service owning a Kafka listener, by its id; empty when none claims it. */
    public static Optional<Service> ofListener(String listenerId) {
        if (listenerId == null) {
            return Optional.empty();
        }
        return Arrays.stream(values())
                .filter(s -> Arrays.stream(s.listenerPrefixes).anyMatch(listenerId::startsWith))
                .findFirst();
    }

    /** The trading engine of a broker. */
    public static Service tradingEngine(Broker broker) {
        return switch (broker) {
            case PAPER -> PAPER_TRADING;
            case ZERODHA -> ZERODHA_TRADING;
        };
    }

    /** The broker whose trading engine this is, if it is one. */
    Optional<Broker> broker() {
        return Arrays.stream(Broker.values()).filter(b -> tradingEngine(b) == this).findFirst();
    }

    static String allowedIds() {
        return "all, " + Arrays.stream(values()).map(Service::id).collect(Collectors.joining(", "));
    }
}
