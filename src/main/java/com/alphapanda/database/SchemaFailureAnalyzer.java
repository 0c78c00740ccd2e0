package com.alphapanda.database;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/** Reports a refused schema as its one message, with no stack trace. */
public class SchemaFailureAnalyzer implements FailureAnalyzer {

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SchemaNotCurrentException || t instanceof SchemaInvalidException) {
                return new FailureAnalysis(t.getMessage(), "", t);
            }
        }
        return null;
    }
}
