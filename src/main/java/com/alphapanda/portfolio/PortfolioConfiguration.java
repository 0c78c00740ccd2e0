package com.alphapanda.portfolio;

import com.alphapanda.core.platform.Service;
import com.alphapanda.core.platform.ConditionalOnService;
import com.alphapanda.api.LiveEvents;
import com.alphapanda.core.jobs.ClusterJob;
import com.alphapanda.core.jobs.ClusterJobs;
import com.alphapanda.core.platform.PlatformProperties;
import com.alphapanda.core.streaming.BatchProcessor;
import com.alphapanda.core.streaming.EventPublisher;
import com.alphapanda.instrument.NseCalendar;
import com.alphapanda.monitoring.PipelineActivity;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the portfolio manager: ledger, order projection, Redis read model, listeners and the mark flush. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class PortfolioConfiguration {

    @Bean
    LastPrices portfolioLastPrices() {
        return new LastPrices();
    }

    @Bean
    PortfolioReadModel portfolioReadModel(JdbcClient jdbc, StringRedisTemplate redis, LastPrices portfolioLastPrices,
                                          Clock clock, LiveEvents liveEvents) {
        return new PortfolioReadModel(jdbc, redis, portfolioLastPrices, clock, liveEvents);
    }

    @Bean
    OrderQueries orderQueries(JdbcClient jdbc) {
        return new OrderQueries(jdbc);
    }

    @Bean
    ExposureQueries exposureQueries(JdbcClient jdbc) {
        return new ExposureQueries(jdbc);
    }

    @Bean
    PortfolioQueries portfolioQueries(JdbcClient jdbc, PortfolioProperties properties) {
        return new LedgerPortfolioQueries(jdbc, properties);
    }

    @Bean
    SnapshotTaker snapshotTaker(PortfolioReadModel readModel, EventPublisher publisher) {
        return new SnapshotTaker(readModel, publisher);
    }

    /** Cluster job: periodic and end-of-day snapshots, taken by one instance at a time. */
    static final String SNAPSHOTS_JOB = "portfolio.snapshots";
    /** Cluster job: the periodic rewrite of read models with tick marks, by one instance at a time. */
    static final String MARKS_JOB = "portfolio.marks";

    @Bean
    SnapshotProducer snapshotProducer(SnapshotTaker taker, NseCalendar calendar, PortfolioProperties properties,
                                      Clock clock, ClusterJobs jobs, JdbcClient jdbc) {
        SnapshotStore stored = new SnapshotStore(jdbc);
        return new SnapshotProducer(new SnapshotSchedule(calendar, properties.snapshotInterval()), taker, clock,
                properties.snapshotInterval(), jobs.job(SNAPSHOTS_JOB), key -> stored.lastScheduled(key.portfolioId())
                        .or(() -> firstFill(jdbc, key)));
    }

    /** The event time of a portfolio's first fill in the ledger. */
    private static java.util.Optional<java.time.Instant> firstFill(JdbcClient jdbc, PortfolioKey key) {
        return jdbc.sql("SELECT event_time FROM fills WHERE broker = :broker AND strategy_id = :strategy"
                        + " AND ledger_seq = 1")
                .param("broker", key.broker().id()).param("strategy", key.strategyId().value())
                .query((rs, n) -> rs.getObject(1, java.time.OffsetDateTime.class).toInstant()).optional();
    }

    @Bean
    PortfolioManager portfolioManager(JdbcClient jdbc, DataSource dataSource, PortfolioProperties properties,
                                      PortfolioReadModel readModel, LastPrices portfolioLastPrices,
                                      NseCalendar calendar, SnapshotProducer snapshotProducer, MeterRegistry meters) {
        TransactionTemplate transactions = new TransactionTemplate(new JdbcTransactionManager(dataSource));
        return new PortfolioManager(new FillLedger(jdbc, transactions, properties), new OrderProjection(jdbc),
                readModel, portfolioLastPrices, calendar, jdbc, snapshotProducer, meters);
    }

    @Bean
    PortfolioListeners portfolioListeners(PortfolioManager manager, BatchProcessor batches,
                                          PipelineActivity activity, PlatformProperties platform) {
        return new PortfolioListeners(manager, batches, activity, platform.brokers());
    }

    /** Rebuilds the read model from the ledger before the listeners start. */
    @Bean
    @ConditionalOnService(Service.PORTFOLIO)
    SmartInitializingSingleton portfolioRebuildAtStart(PortfolioManager manager) {
        return manager::rebuild;
    }

    @Bean
    @ConditionalOnService(Service.PORTFOLIO)
    MarkFlush portfolioMarkFlush(PortfolioManager manager, PlatformProperties platform, SnapshotProducer snapshots,
                                 PortfolioReadModel readModel, ClusterJobs jobs) {
        return new MarkFlush(manager, platform, snapshots, readModel, jobs.job(MARKS_JOB));
    }

    /**
     * Once per interval: rebuilds the read model if Redis lost it, reloads which portfolios hold which instruments
     * from the ledger (fills applied by other instances included), writes tick marks to the read model (on the one
     * instance running the marks job) and lets the wall clock advance the live snapshot clocks (on the one running
     * the snapshot job).
     */
    static final class MarkFlush {
        private final PortfolioManager manager;
        private final PlatformProperties platform;
        private final SnapshotProducer snapshots;
        private final PortfolioReadModel readModel;
        private final ClusterJob marks;

        MarkFlush(PortfolioManager manager, PlatformProperties platform, SnapshotProducer snapshots,
                  PortfolioReadModel readModel, ClusterJob marks) {
            this.manager = manager;
            this.platform = platform;
            this.snapshots = snapshots;
            this.readModel = readModel;
            this.marks = marks;
        }

        @Scheduled(fixedDelayString = "${alpha-panda.portfolio.mark-interval:1s}")
        void flush() {
            manager.rebuildIfWiped(platform.brokers());
            manager.loadHolders();
            manager.flushMarks(marks.owned());
            snapshots.advanceLive(readModel.portfolios().stream()
                    .filter(key -> platform.brokers().contains(key.broker())).toList());
        }
    }
}
