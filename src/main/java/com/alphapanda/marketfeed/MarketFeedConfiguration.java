package com.alphapanda.marketfeed;

import com.alphapanda.core.platform.Service;
import com.alphapanda.core.platform.ConditionalOnService;
import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.core.platform.InvalidConfigurationException;
import com.alphapanda.core.platform.PlatformProperties;
import com.alphapanda.core.streaming.EventPublisher;
import com.alphapanda.instrument.InstrumentUniverse;
import com.alphapanda.instrument.NseCalendar;
import com.alphapanda.monitoring.PipelineActivity;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;

/** Builds the configured tick source; with {@code alpha-panda.market-feed.source=none} there is no feed at all. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${alpha-panda.market-feed.source:simulated}'.toLowerCase() != 'none'")
class MarketFeedConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MarketFeedConfiguration.class);
    /** How much faster than real time the demo's simulated session runs. */
    static final int DEMO_SPEED = 10;

    @Bean
    @ConditionalOnService(Service.FEED)
    MarketFeed marketFeed(MarketFeedProperties properties, ObjectProvider<SimulatedSessionInfo> simulated,
                          JdbcClient jdbc, NseCalendar calendar, Clock clock, EventPublisher publisher,
                          MeterRegistry meters, Admin kafkaAdminClient, PipelineActivity activity,
                          ObjectProvider<KiteTickerAccess> kiteAccess, ObjectProvider<KiteTextFrames> kiteTexts,
                          KafkaProperties kafka, PlatformProperties platform) {
        TickTopicReadiness readiness = new TickTopicReadiness(kafkaAdminClient, Duration.ofSeconds(30));
        if (properties.source() == MarketFeedProperties.Source.REPLAY) {
            MarketFeedProperties.Replay r = properties.replay();
            LoadedReplay loaded = load(r);
            ReplayLedger ledger = new ReplayLedger(feedProducers(kafka, platform), kafkaAdminClient,
                    loaded.identity());
            return new MarketFeed(source(r, loaded, ledger::resumeAt), new TickHandOff(properties.queueCapacity(),
                    publisher, ledger, meters, "replay", activity::recordMarketFeed), readiness);
        }
        TickSource source = switch (properties.source()) {
            case SIMULATED -> simulated(properties.simulated(), simulated.getObject(),
                    new SessionClockStore(jdbc, clock));
            case REPLAY -> throw new IllegalStateException("a replay is built above");
            case KITE -> kite(properties.kite(), kiteAccess.getIfAvailable(), kiteTexts.getIfAvailable(), clock,
                    meters);
            case NONE -> throw new IllegalStateException("no market feed is configured");
        };
        return new MarketFeed(source, new TickHandOff(properties.queueCapacity(), publisher, meters, source.name(),
                activity::recordMarketFeed), readiness);
    }

    /** The replay's own transactional producers ({@code <instance-id>-feed-0}: a restart fences the killed run's). */
    private static DefaultKafkaProducerFactory<Object, Object> feedProducers(KafkaProperties kafka,
                                                                             PlatformProperties platform) {
        DefaultKafkaProducerFactory<Object, Object> factory =
                new DefaultKafkaProducerFactory<>(kafka.buildProducerProperties());
        factory.setTransactionIdPrefix(platform.instanceId() + "-feed-");
        return factory;
    }

    /**
     * The simulated session clock: the configured start, else continued from the stored clock (never replaying a
     * day), else now or the latest session open. Its step is the tick interval, ten times it in the demo.
     */
    @Bean
    @ConditionalOnExpression("'${alpha-panda.market-feed.source:simulated}'.toLowerCase() == 'simulated'")
    SimulatedSessionInfo simulatedSessionInfo(MarketFeedProperties properties, NseCalendar calendar, Clock clock,
                                              JdbcClient jdbc, PlatformProperties platform) {
        MarketFeedProperties.Simulated s = properties.simulated();
        SimulatedSession session = s.start() != null ? new SimulatedSession(calendar, s.start())
                : SimulatedSession.resume(calendar, clock.instant(), new SessionClockStore(jdbc, clock).load()
                        .orElse(null));
        Duration step = s.sessionStep() != null ? s.sessionStep()
                : platform.demoActive() ? s.tickInterval().multipliedBy(DEMO_SPEED) : s.tickInterval();
        SimulatedSessionInfo info = new SimulatedSessionInfo(session, calendar, clock, s.tickInterval(), step);
        log.info(info.describe());
        return info;
    }

    private static TickSource simulated(MarketFeedProperties.Simulated s, SimulatedSessionInfo info,
                                        SimulatedTickSource.SessionCheckpoint checkpoint) {
        List<InstrumentToken> tokens = s.instruments().isEmpty() ? InstrumentUniverse.bundledTokens()
                : s.instruments().stream().map(InstrumentToken::of).toList();
        Map<InstrumentToken, BigDecimal> start = new LinkedHashMap<>();
        tokens.forEach(t -> start.put(t, s.startPrices().getOrDefault(t.value(), s.startPrice())));
        return new SimulatedTickSource(new GbmPrices(s.seed(), start, s.drift(), s.volatility()), info.session(),
                s.tickInterval(), info.step(), checkpoint);
    }

    static TickSource kite(MarketFeedProperties.Kite k, KiteTickerAccess access, KiteTextFrames texts, Clock clock,
                           MeterRegistry meters) {
        if (access == null) {
            throw new InvalidConfigurationException("alpha-panda.market-feed.source", "kite",
                    "kite only with the zerodha broker enabled (alpha-panda.brokers=...,zerodha), which owns the "
                            + "Kite session");
        }
        List<InstrumentToken> tokens = k.instruments().isEmpty() ? InstrumentUniverse.bundledTokens()
                : k.instruments().stream().map(InstrumentToken::of).toList();
        try {
            return new KiteTickSource(tokens, k.mode(), access, texts == null ? frame -> { } : texts,
                    new KiteTickSource.Settings(k.connectTimeout(), k.silentTimeout(), k.reconnectInitial(),
                            k.reconnectMax(), k.batchSize()), clock, meters);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationException("alpha-panda.market-feed.kite.instruments",
                    tokens.size() + " instruments", "at most 9000 (" + e.getMessage() + ")");
        }
    }

    /** A replay file read and checked: its ticks, its identity (SHA-256 of its bytes) and the speed. */
    record LoadedReplay(List<com.alphapanda.core.event.MarketTick> ticks, String identity, ReplaySpeed speed) {
    }

    /** A replay source that starts at the first tick (no recorded progress). */
    static TickSource replay(MarketFeedProperties.Replay r) {
        return source(r, load(r), () -> 0);
    }

    private static ReplayTickSource source(MarketFeedProperties.Replay r, LoadedReplay loaded,
                                           ReplayTickSource.ResumePoint resumePoint) {
        return new ReplayTickSource(r.file(), loaded.ticks(), loaded.speed(), r.progressInterval(), r.maxWait(),
                resumePoint);
    }

    static LoadedReplay load(MarketFeedProperties.Replay r) {
        String property = "alpha-panda.market-feed.replay.file";
        if (r.file() == null) {
            throw new InvalidConfigurationException(property, null, "the CSV or JSONL file to replay");
        }
        ReplaySpeed speed;
        try {
            speed = ReplaySpeed.parse(r.speed());
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationException("alpha-panda.market-feed.replay.speed", r.speed(),
                    "'max' or a positive number");
        }
        byte[] content;
        ReplayFile.Parsed parsed;
        try {
            content = Files.readAllBytes(r.file());
            parsed = ReplayFile.read(new java.io.StringReader(new String(content, StandardCharsets.UTF_8)));
        } catch (NoSuchFileException e) {
            throw new InvalidConfigurationException(property, r.file().toString(), "an existing file");
        } catch (IOException e) {
            throw new InvalidConfigurationException(property, r.file().toString(),
                    "a readable file (" + e.getMessage() + ")");
        }
        parsed.problems().forEach(p -> log.warn("Replay file {} {} (skipped)", r.file(), p));
        if (parsed.ticks().isEmpty()) {
            throw new InvalidConfigurationException(property, r.file().toString(),
                    "a file with at least one valid tick line (" + parsed.problems().size() + " malformed)");
        }
        log.info("Replay of {}: {} ticks from {} to {}, {} malformed line(s) skipped, speed {}", r.file(),
                parsed.ticks().size(), parsed.ticks().getFirst().timestamp(), parsed.ticks().getLast().timestamp(),
                parsed.problems().size(), speed.isMax() ? "max" : speed.factor().toPlainString() + "x");
        return new LoadedReplay(parsed.ticks(), ReplayLedger.identity(content), speed);
    }
}
