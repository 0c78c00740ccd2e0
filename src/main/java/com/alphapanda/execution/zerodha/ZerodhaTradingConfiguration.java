package com.alphapanda.execution.zerodha;

import com.alphapanda.core.event.Broker;
import com.alphapanda.core.jobs.ClusterJobs;
import com.alphapanda.core.streaming.BatchProcessor;
import com.alphapanda.core.streaming.EventPublisher;
import com.alphapanda.instrument.InstrumentImport;
import com.alphapanda.instrument.InstrumentSearch;
import com.alphapanda.marketfeed.KiteTickerAccess;
import com.alphapanda.monitoring.PipelineActivity;
import com.alphapanda.risk.TradingStateControl;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.LocalDate;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Wires Zerodha when {@code alpha-panda.brokers} includes {@code zerodha}. Nothing here waits for a login: without a
 * usable session the components report DOWN with the reason and every zerodha signal is refused with it.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(ZerodhaEnabled.class)
@EnableScheduling
class ZerodhaTradingConfiguration {

    static final int ORDERS_PER_SECOND = 10;
    static final int ORDERS_PER_MINUTE = 400;
    static final int ORDERS_PER_DAY = 5000;
    /** Cluster job: the scheduled reconciliation with Kite and check of working orders, by one instance at a time. */
    static final String RECONCILIATION_JOB = "zerodha.reconciliation";

    @Bean
    HttpClient kiteHttpClient(ZerodhaProperties properties) {
        return HttpClient.newBuilder().connectTimeout(properties.requestTimeout()).build();
    }

    @Bean
    KiteHttp kiteHttp(HttpClient kiteHttpClient, ZerodhaProperties properties) {
        return new KiteHttp(kiteHttpClient, properties.apiUrl(), properties.apiKey(), properties.requestTimeout());
    }

    @Bean
    KiteSessions kiteSessions(ZerodhaProperties properties, JdbcClient jdbc, Clock clock) {
        return new KiteSessions(properties, jdbc, clock);
    }

    @Bean
    ZerodhaLogin zerodhaLogin(ZerodhaProperties properties, KiteHttp kiteHttp, KiteSessions sessions, Clock clock) {
        LoginState states = properties.hasCredentials() ? new LoginState(properties.apiSecret(), clock) : null;
        return new ZerodhaLogin(properties, kiteHttp, sessions, states);
    }

    @Bean
    ZerodhaOrderBook zerodhaOrderBook(JdbcClient jdbc, DataSource dataSource) {
        TransactionTemplate own = new TransactionTemplate(new JdbcTransactionManager(dataSource));
        own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return new ZerodhaOrderBook(jdbc, own);
    }

    @Bean
    ZerodhaBroker zerodhaBroker(KiteHttp kiteHttp, KiteSessions sessions, ZerodhaOrderBook book,
                                InstrumentSearch instruments, ZerodhaProperties properties, Clock clock) {
        OrderRateLimiter limiter = new OrderRateLimiter(clock, ORDERS_PER_SECOND, ORDERS_PER_MINUTE, ORDERS_PER_DAY,
                () -> book.placedSince(LocalDate.now(clock.withZone(KiteSessionExpiry.IST))
                        .atStartOfDay(KiteSessionExpiry.IST).toInstant()));
        RateLimitedSender sender = new RateLimitedSender(limiter, d -> Thread.sleep(d), sessions::invalidate);
        return new ZerodhaBroker(() -> switch (sessions.state()) {
            case SessionState.Active active -> new KiteOrders(kiteHttp, active.accessToken());
            case SessionState.Unavailable unavailable -> throw new KiteUnavailableException(unavailable.reason());
        }, book, instruments::byToken, sender, properties, clock);
    }

    @Bean
    ZerodhaTradingEngine zerodhaTradingEngine(KiteSessions sessions, ZerodhaBroker broker, JdbcClient jdbc,
                                              DataSource dataSource, ZerodhaProperties properties) {
        return new ZerodhaTradingEngine(sessions, properties.liveTradingEnabled(), broker, new ZerodhaJournal(jdbc),
                new TransactionTemplate(new JdbcTransactionManager(dataSource)));
    }

    @Bean
    ZerodhaTradingListeners zerodhaTradingListeners(ZerodhaTradingEngine engine, EventPublisher publisher,
                                                    BatchProcessor batches, PipelineActivity activity) {
        return new ZerodhaTradingListeners(engine, publisher, batches, activity);
    }

    @Bean
    ZerodhaOrderUpdatePublisher zerodhaOrderUpdatePublisher(ZerodhaBroker broker, KiteSessions sessions,
                                                            ZerodhaProperties properties, EventPublisher publisher,
                                                            DataSource dataSource) {
        return new ZerodhaOrderUpdatePublisher(new ZerodhaOrderUpdates(broker, properties.apiSecret()), broker,
                sessions, publisher, new TransactionTemplate(new JdbcTransactionManager(dataSource)));
    }

    /** The KiteTicker URI with the current session's token, for {@code alpha-panda.market-feed.source=kite}. */
    @Bean
    KiteTickerAccess kiteTickerAccess(KiteSessions sessions, ZerodhaProperties properties) {
        return () -> switch (sessions.state()) {
            case SessionState.Active active -> KiteTickerAccess.Access.of(properties.tickerUrl(),
                    properties.apiKey(), active.accessToken());
            case SessionState.Unavailable unavailable -> KiteTickerAccess.Access.unavailable(unavailable.reason());
        };
    }

    /** KiteTicker's order-update text frames, handled off the socket's thread one at a time. */
    @Bean(destroyMethod = "close")
    ZerodhaTickerTexts zerodhaTickerTexts(ZerodhaOrderUpdatePublisher updates) {
        return new ZerodhaTickerTexts(updates);
    }

    @Bean
    ZerodhaInstrumentSync zerodhaInstrumentSync(KiteHttp kiteHttp, KiteSessions sessions, JdbcTemplate jdbcTemplate) {
        return new ZerodhaInstrumentSync(kiteHttp, sessions, new InstrumentImport(jdbcTemplate));
    }

    @Bean
    ZerodhaReconciler zerodhaReconciler(KiteSessions sessions, KiteHttp kiteHttp,
                                        ZerodhaOrderUpdatePublisher updates, JdbcClient jdbc,
                                        ObjectProvider<TradingStateControl> control, ZerodhaProperties properties,
                                        Clock clock, MeterRegistry meters, ClusterJobs jobs) {
        ZerodhaReconciler.TradingStateSwitch tradingState = (state, reason) -> {
            TradingStateControl c = control.getIfAvailable();
            if (c != null && c.controls(Broker.ZERODHA)) {
                c.change(Broker.ZERODHA, state, reason, "zerodha-reconciliation", null);
            }
        };
        return new ZerodhaReconciler(sessions, kiteHttp, updates::checkWorkingOrders, jdbc, tradingState,
                properties.onDrift(), clock, meters, jobs.job(RECONCILIATION_JOB));
    }

    @Bean
    HealthContributor zerodhaHealthContributor(KiteSessions sessions, ZerodhaProperties properties,
                                               ZerodhaReconciler reconciler) {
        return ZerodhaHealth.of(sessions, properties.liveTradingEnabled(), reconciler);
    }

    @Bean
    ZerodhaAccessTokenLogin zerodhaAccessTokenLogin(ZerodhaProperties properties, ZerodhaLogin login,
                                                    KiteSessions sessions) {
        return new ZerodhaAccessTokenLogin(properties, login, sessions);
    }
}
