package com.alphapanda.risk.web;

import com.alphapanda.core.event.Broker;
import com.alphapanda.core.id.StrategyId;

/** Parses request parameters of the risk routes; an invalid value is an {@link IllegalArgumentException} (400). */
final class RiskWebParameters {

    private RiskWebParameters() {
    }

    static Broker broker(String value) {
        try {
            return Broker.fromId(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("broker: " + e.getMessage(), e);
        }
    }

    static StrategyId strategy(String value) {
        try {
            return StrategyId.of(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("strategy: " + e.getMessage(), e);
        }
    }
}
