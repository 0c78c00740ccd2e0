package com.alphapanda.strategy;

import com.alphapanda.core.platform.InvalidConfigurationException;
import com.alphapanda.core.platform.PlatformProperties;
import com.alphapanda.core.streaming.BatchProcessor;
import com.alphapanda.core.streaming.EventPublisher;
import com.alphapanda.instrument.InstrumentRegistry;
import com.alphapanda.instrument.NseCalendar;
import com.alphapanda.monitoring.PipelineActivity;
import com.alphapanda.portfolio.PortfolioQueries;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import java.util.Properties;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.springframework.kafka.core.ConsumerFactory;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
class StrategyConfiguration {

    @Bean
    StrategyRoster strategyRoster(ObjectProvider<SignalModel> models, MeterRegistry meters) {
        StrategyRoster roster = new StrategyRoster(catalog(models));
        Gauge.builder("strategy.active", roster, StrategyRoster::activeCount)
                .description("Strategies running in this instance").register(meters);
        return roster;
    }

    @Bean
    StrategyReloader strategyReloader(JdbcClient jdbcClient, StrategyRoster roster, StrategyProperties properties,
                                      PlatformProperties platform, Clock clock) {
        StrategyStore store = new StrategyStore(jdbcClient);
        if (platform.demoActive()) {
            new DemoStrategies(jdbcClient, clock).seedIfFresh();
        }
        if (properties.seedFile() != null) {
            try {
                StrategySeeding.seed(new StrategyLoad(jdbcClient), properties.seedFile());
            } catch (IllegalArgumentException e) {
                throw new InvalidConfigurationException("alpha-panda.strategies.seed-file",
                        properties.seedFile().toString(), "a readable YAML file of strategies (" + e.getMessage() + ")");
            }
        }
        StrategyReloader reloader = new StrategyReloader(store, roster);
        reloader.reload();
        return reloader;
    }

    @Bean
    StrategyAdministration strategyAdministration(JdbcClient jdbcClient, ObjectProvider<SignalModel> models,
                                                  InstrumentRegistry universe, PortfolioQueries portfolios,
                                                  StrategyRoster roster, StrategyReloader reloader) {
        return new StrategyAdministration(new StrategyStore(jdbcClient),
                new StrategyValidation(catalog(models), universe::outsideUniverse), portfolios, roster, reloader);
    }

    private static StrategyCatalog catalog(ObjectProvider<SignalModel> models) {
        Map<String, SignalModel> byName = models.orderedStream()
                .collect(Collectors.toMap(SignalModel::name, Function.identity()));
        return new StrategyCatalog(byName::get);
    }

    /** Depends on the reloader so the strategies are loaded before the tick listener can start. */
    @Bean
    StrategyRunner strategyRunner(StrategyRoster roster, NseCalendar calendar, PlatformProperties platform,
                                  EventPublisher publisher, MeterRegistry meters, StrategyReloader loadedFirst) {
        return new StrategyRunner(roster, calendar, Set.copyOf(platform.brokers()), publisher,
                new StrategyRunnerMetrics(meters));
    }

    @Bean
    StrategyRunnerListener strategyRunnerListener(StrategyRunner runner, BatchProcessor batches,
                                                  PipelineActivity activity, PlatformProperties platform,
                                                  StrategyRoster roster, NseCalendar calendar,
                                                  ConsumerFactory<Object, Object> consumerFactory) {
        return new StrategyRunnerListener(runner, batches, activity, platform.brokers(),
                new StrategyStateRestorer(roster, calendar, () -> stateReader(consumerFactory)));
    }

    /** A consumer of no group, read_committed, for reading tick partitions back ({@link StrategyStateRestorer}). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Consumer<String, byte[]> stateReader(ConsumerFactory<Object, Object> factory) {
        Properties overrides = new Properties();
        overrides.setProperty(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        overrides.setProperty(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        overrides.setProperty(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        return (Consumer) factory.createConsumer(null, null, "-strategy-state", overrides);
    }
}
