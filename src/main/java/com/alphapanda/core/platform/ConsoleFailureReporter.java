package com.alphapanda.core.platform;

import java.io.PrintStream;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalysisReporter;

/**
 * Prints an analysed start-up failure as one line on standard error ({@code alpha-panda: error: ...}), with no stack
 * trace. Spring Boot's multi-line logging reporter is switched off in {@code application.yml}.
 */
public class ConsoleFailureReporter implements FailureAnalysisReporter {

    private final PrintStream err;

    public ConsoleFailureReporter() {
        this(System.err);
    }

    ConsoleFailureReporter(PrintStream err) {
        this.err = err;
    }

    @Override
    public void report(FailureAnalysis analysis) {
        err.println(oneLine(analysis));
        err.flush();
    }

    static String oneLine(FailureAnalysis analysis) {
        String action = analysis.getAction() == null ? "" : analysis.getAction().strip();
        String text = analysis.getDescription().strip() + (action.isEmpty() ? "" : " " + action);
        return "alpha-panda: error: " + text.replaceAll("\\s*\\R\\s*", " ");
    }
}
