package com.alphapanda.portfolio;

import com.alphapanda.api.LiveEvents;
import com.alphapanda.core.platform.PlatformProperties;
import com.alphapanda.core.streaming.BatchProcessor;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires snapshot consumption, validation against the ledger, and the reconciliation service. */
@Configuration(proxyBeanMethods = false)
class ReconciliationConfiguration {

    @Bean
    SnapshotReconciler snapshotReconciler(JdbcClient jdbc, DataSource dataSource, PortfolioProperties portfolio,
                                          ReconciliationProperties properties, LiveEvents live, MeterRegistry meters) {
        return new SnapshotReconciler(new SnapshotStore(jdbc), new DiscrepancyStore(jdbc),
                new LedgerRecomputation(jdbc, portfolio), transactions(dataSource), live, meters,
                properties.autoTolerance());
    }

    @Bean
    SnapshotListener snapshotListener(SnapshotReconciler reconciler, BatchProcessor batches,
                                      PlatformProperties platform) {
        return new SnapshotListener(reconciler, batches, platform.brokers());
    }

    @Bean
    Reconciliation reconciliation(JdbcClient jdbc, DataSource dataSource, PortfolioReadModel readModel,
                                  SnapshotTaker taker, SnapshotReconciler reconciler, PortfolioManager manager,
                                  Clock clock) {
        return new Reconciliation(readModel, taker, reconciler, new SnapshotStore(jdbc), new DiscrepancyStore(jdbc),
                manager, transactions(dataSource), clock);
    }

    private static TransactionTemplate transactions(DataSource dataSource) {
        return new TransactionTemplate(new JdbcTransactionManager(dataSource));
    }
}
