package com.alphapanda.risk;

import com.alphapanda.core.platform.PlatformProperties;
import com.alphapanda.core.streaming.BatchProcessor;
import com.alphapanda.core.streaming.EventPublisher;
import com.alphapanda.instrument.NseCalendar;
import com.alphapanda.monitoring.PipelineActivity;
import com.alphapanda.portfolio.PortfolioQueries;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the risk manager, its listeners and trading-state control. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class RiskConfiguration {

    @Bean
    LastTickPrices riskLastTickPrices() {
        return new LastTickPrices();
    }

    @Bean
    TradingStates tradingStates() {
        return new TradingStates();
    }

    @Bean
    TradingStateStore tradingStateStore(JdbcClient jdbc, DataSource dataSource) {
        return new TradingStateStore(jdbc, new TransactionTemplate(new JdbcTransactionManager(dataSource)));
    }

    @Bean
    TradingStateQueries tradingStateQueries(TradingStateStore store, TradingStates states, PlatformProperties platform) {
        return new TradingStateQueries(store, states, platform.brokers());
    }

    @Bean
    TradingStateControl tradingStateControl(TradingStateStore store, TradingStates states, EventPublisher publisher,
                                            PlatformProperties platform, Clock clock) {
        return new TradingStateControl(store, states, publisher, platform.brokers(), clock);
    }

    @Bean
    RiskDecisionQueries riskDecisionQueries(JdbcClient jdbc) {
        return new RiskDecisionQueries(jdbc);
    }

    /**
     * What the risk manager locks and reads once per batch of signals and the decisions it writes once per batch
     * (not a {@code PortfolioQueries} bean itself).
     */
    record BatchReads(BatchExposure exposure, RiskDecisionStore decisions) {

        static BatchReads of(PortfolioQueries portfolios, JdbcClient jdbc, NseCalendar calendar) {
            return new BatchReads(new BatchExposure(portfolios, new BatchSnapshotReader(jdbc), calendar),
                    new RiskDecisionStore(jdbc));
        }

        void forget() {
            exposure.forget();
            decisions.forget();
        }
    }

    @Bean
    BatchReads riskBatchReads(PortfolioQueries portfolios, JdbcClient jdbc, NseCalendar calendar) {
        return BatchReads.of(portfolios, jdbc, calendar);
    }

    @Bean
    RiskManager riskManager(RiskProperties properties, BatchReads riskBatchReads, LastTickPrices riskLastTickPrices,
                            TradingStates states, MeterRegistry meters) {
        return new RiskManager(RiskRules.standard(), properties, riskBatchReads.exposure(),
                riskBatchReads.decisions(), riskLastTickPrices, states, meters);
    }

    @Bean
    RiskSignalListener riskSignalListener(RiskManager manager, EventPublisher publisher, BatchProcessor batches,
                                          PipelineActivity activity, PlatformProperties platform,
                                          BatchReads riskBatchReads, LastTickPrices riskLastTickPrices) {
        return new RiskSignalListener(manager, publisher, batches, activity, platform.brokers(), riskBatchReads,
                riskLastTickPrices);
    }

    @Bean
    RiskTickListener riskTickListener(LastTickPrices riskLastTickPrices, BatchProcessor batches) {
        return new RiskTickListener(riskLastTickPrices, batches);
    }

    @Bean
    TradingStateListener tradingStateListener(TradingStates states, TradingStateStore store,
                                              PlatformProperties platform, BatchProcessor batches) {
        return new TradingStateListener(states, store, platform.brokers(), batches);
    }

    /** Loads the stored trading states before any signal is judged. */
    @Bean
    SmartInitializingSingleton tradingStatesAtStart(TradingStateListener listener) {
        return listener::poll;
    }
}
