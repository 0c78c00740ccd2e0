package com.alphapanda.portfolio;

import com.alphapanda.core.event.Broker;
import com.alphapanda.core.id.StrategyId;

/** A portfolio: one strategy's book at one broker. Its Redis read model is {@code {broker}:portfolio:{strategyId}}. */
record PortfolioKey(Broker broker, StrategyId strategyId) {

    String redisKey() {
        return broker.id() + ":portfolio:" + strategyId.value();
    }

    static String summaryKey(Broker broker) {
        return broker.id() + ":portfolios";
    }

    String portfolioId() {
        return broker.id() + ":" + strategyId.value();
    }
}
