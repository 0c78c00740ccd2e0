package com.alphapanda.execution.zerodha;

import com.alphapanda.marketfeed.KiteTextFrames;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * KiteTicker text frames: order updates ({@code "type": "order"}) bring the order up to date with Kite (its trades are
 * read and applied once per trade id); errors and messages are logged. Handled on a thread of their own, in order,
 * so the socket keeps reading ticks.
 */
final class ZerodhaTickerTexts implements KiteTextFrames, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ZerodhaTickerTexts.class);

    private final ZerodhaOrderUpdatePublisher updates;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(
            Thread.ofVirtual().name("zerodha-order-updates").factory());

    ZerodhaTickerTexts(ZerodhaOrderUpdatePublisher updates) {
        this.updates = updates;
    }

    @Override
    public void onText(String frame) {
        if (frame.contains("\"type\":\"error\"") || frame.contains("\"type\": \"error\"")) {
            log.warn("KiteTicker error frame: {}", frame.length() > 500 ? frame.substring(0, 500) : frame);
        }
        try {
            worker.execute(() -> handle(frame));
        } catch (RejectedExecutionException e) {
            log.info("KiteTicker frame after shutdown ignored");
        }
    }

    private void handle(String frame) {
        try {
            updates.textFrame(frame);
        } catch (RuntimeException e) {
            log.warn("KiteTicker order update not applied now ({}); the periodic check of working orders will", e
                    .toString());
        }
    }

    @Override
    public void close() {
        worker.shutdown();
    }
}
