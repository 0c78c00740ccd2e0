package com.alphapanda.core.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.Ordered;

/**
 * The last resort: any start-up failure no other analyzer explains is still reported as one line naming its root
 * cause, instead of a stack trace. The stack trace goes to the log at DEBUG.
 */
public class UnexpectedFailureAnalyzer implements FailureAnalyzer, Ordered {

    private static final Logger log = LoggerFactory.getLogger(UnexpectedFailureAnalyzer.class);

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        log.debug("Start-up failed", failure);
        String message = root.getMessage() == null ? root.getClass().getName() : root.getMessage();
        return new FailureAnalysis("start-up failed: " + message,
                "(details: --logging.level.com.alphapanda.core.platform=DEBUG)", failure);
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
