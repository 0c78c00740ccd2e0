package com.alphapanda.core.platform;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.Ordered;

/**
 * Explains configuration failures in one line: the property, the bad value and what is allowed. Runs before Spring
 * Boot's own analyzers.
 */
public class ConfigurationFailureAnalyzer implements FailureAnalyzer, Ordered {

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof InvalidConfigurationException invalid) {
                return new FailureAnalysis(invalid.getMessage(), "", invalid);
            }
            if (t instanceof BindException bind) {
                InvalidConfigurationException invalid = ConfigurationChecks.translate(bind);
                return new FailureAnalysis(invalid.getMessage(), "", bind);
            }
        }
        return null;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
