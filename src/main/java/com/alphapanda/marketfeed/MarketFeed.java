package com.alphapanda.marketfeed;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs one {@link TickSource} on its own thread and the hand-off's publisher on another. Started with the
 * application, stopped first at shutdown: the source is interrupted, then the ticks still queued are published.
 */
final class MarketFeed implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MarketFeed.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private final TickSource source;
    private final TickHandOff handOff;
    private final TickTopicReadiness readiness;
    private Thread sourceThread;
    private Thread publisherThread;

    MarketFeed(TickSource source, TickHandOff handOff, TickTopicReadiness readiness) {
        this.source = source;
        this.handOff = handOff;
        this.readiness = readiness;
    }

    @Override
    public synchronized void start() {
        publisherThread = Thread.ofPlatform().name("market-feed-publisher").daemon().start(handOff::drainUntilInterrupted);
        sourceThread = Thread.ofPlatform().name("market-feed-" + source.name()).daemon().start(this::runSource);
        log.info("Market feed started: source {}", source.name());
    }

    private void runSource() {
        try {
            readiness.await();
            source.run(handOff);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("Market feed source {} failed; no more ticks from it", source.name(), e);
        }
    }

    @Override
    public synchronized void stop() {
        if (sourceThread == null) {
            return;
        }
        try {
            sourceThread.interrupt();
            sourceThread.join(STOP_TIMEOUT);
            publisherThread.interrupt();
            publisherThread.join(STOP_TIMEOUT);
            handOff.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sourceThread = null;
        log.info("Market feed stopped");
    }

    @Override
    public synchronized boolean isRunning() {
        return sourceThread != null;
    }
}
