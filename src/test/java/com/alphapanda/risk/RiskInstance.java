package com.alphapanda.risk;

import com.alphapanda.core.event.Broker;
import com.alphapanda.core.event.Envelope;
import com.alphapanda.core.event.MarketTick;
import com.alphapanda.core.event.RiskDecisionEvent;
import com.alphapanda.core.event.TradingSignal;
import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.core.id.StrategyId;
import com.alphapanda.core.money.Price;
import com.alphapanda.instrument.NseCalendar;
import com.alphapanda.portfolio.PortfolioQueries;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One risk manager as an instance of the platform runs it, on a real PostgreSQL, without Kafka: a batch of signals is
 * judged the way {@code BatchProcessor} runs {@link RiskSignalListener}'s stage — planned, each signal decided in one
 * database transaction, the decisions written just before it commits, what was read forgotten after it. Several
 * instances on one database are several platform instances.
 */
final class RiskInstance {

    static final BigDecimal STARTING_CASH = new BigDecimal("1000000");

    private final RiskConfiguration.BatchReads reads;
    private final RiskManager manager;
    private final LastTickPrices prices = new LastTickPrices();
    private final TransactionTemplate transactions;

    RiskInstance(DataSource dataSource, RiskProperties limits) {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        this.reads = RiskConfiguration.BatchReads.of(new ConfiguredCash(), jdbc, NseCalendar.withBundledHolidays());
        this.manager = new RiskManager(RiskRules.standard(), limits, reads.exposure(), reads.decisions(), prices,
                new TradingStates(), new SimpleMeterRegistry());
        this.transactions = new TransactionTemplate(new JdbcTransactionManager(dataSource));
    }

    /** A tick the price reader has read (so no signal waits for one). */
    void tick(InstrumentToken token, String price, Instant at) {
        prices.update(MarketTick.ltp(token, Price.of(price), at));
    }

    List<Envelope<? extends RiskDecisionEvent>> judge(List<Envelope<TradingSignal>> batch) {
        return judge(batch, () -> { });
    }

    /** Judges a batch in one database transaction; {@code beforeCommit} runs after its decisions are written. */
    List<Envelope<? extends RiskDecisionEvent>> judge(List<Envelope<TradingSignal>> batch, Runnable beforeCommit) {
        reads.exposure().plan(batch.stream().map(e -> reads.exposure().planned(e.id(), Broker.PAPER,
                e.payload().strategyId(), e.payload().timestamp())).toList());
        List<Envelope<? extends RiskDecisionEvent>> out = new ArrayList<>();
        try {
            transactions.executeWithoutResult(tx -> {
                batch.forEach(signal -> out.add(manager.decide(Broker.PAPER, signal, signal.payload()).envelope()));
                reads.decisions().flush();
                beforeCommit.run();
            });
        } finally {
            reads.forget();
        }
        return out;
    }

    /** The configured starting cash; nothing else of the portfolio is read through this interface. */
    private static final class ConfiguredCash implements PortfolioQueries {

        @Override
        public BigDecimal startingCash(Broker broker, StrategyId strategyId) {
            return STARTING_CASH;
        }

        @Override
        public Map<InstrumentToken, Holding> holdings(Broker broker, StrategyId strategyId) {
            throw new UnsupportedOperationException("the risk manager reads holdings in its batch snapshot");
        }

        @Override
        public BigDecimal realizedOn(Broker broker, StrategyId strategyId, LocalDate tradeDate) {
            throw new UnsupportedOperationException("the risk manager reads realized PnL in its batch snapshot");
        }

        @Override
        public Exposure openExposure(StrategyId strategyId) {
            throw new UnsupportedOperationException("not used by the risk manager");
        }
    }
}
