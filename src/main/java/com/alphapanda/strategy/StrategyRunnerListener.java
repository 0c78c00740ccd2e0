package com.alphapanda.strategy;

import com.alphapanda.core.event.Envelope;
import com.alphapanda.core.event.MarketEvent;
import com.alphapanda.core.event.MarketTick;
import com.alphapanda.core.streaming.CorrelationContext;
import org.springframework.kafka.annotation.KafkaListener;

/** Consumes {@code market.ticks} (group {@code alpha-panda.strategy-runner.ticks}) and hands ticks to the runner. */
class StrategyRunnerListener {

    static final String GROUP = "alpha-panda.strategy-runner.ticks";

    private final StrategyRunner runner;

    StrategyRunnerListener(StrategyRunner runner) {
        this.runner = runner;
    }

    @KafkaListener(id = "strategy-runner", groupId = GROUP,
            topics = "#{T(com.alphapanda.core.topic.Topics).MARKET_TICKS.name()}",
            concurrency = "${alpha-panda.strategies.runner-concurrency:4}")
    void on(Envelope<MarketEvent> envelope) {
        try (CorrelationContext ignored = CorrelationContext.of(envelope)) {
            switch (envelope.payload()) {
                case MarketTick tick -> runner.onTick(envelope.narrow(MarketTick.class));
            }
        }
    }
}
