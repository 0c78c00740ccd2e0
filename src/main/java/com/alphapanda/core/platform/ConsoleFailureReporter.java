package com.alphapanda.core.platform;

import java.io.PrintStream;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
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

    private static final Set<Throwable> REPORTED = Collections.synchronizedSet(
            Collections.newSetFromMap(new WeakHashMap<>()));

    @Override
    public void report(FailureAnalysis analysis) {
        err.println(oneLine(analysis));
        err.flush();
        if (analysis.getCause() != null) {
            REPORTED.add(analysis.getCause());
        }
    }

    /** Whether a start-up failure (or one of its causes) was already printed, so callers print nothing more. */
    public static boolean wasReported(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (REPORTED.contains(t)) {
                return true;
            }
        }
        return false;
    }

    /** Prints a failure that no analyzer reported, as one line. */
    public static void reportUnanalysed(Throwable failure, PrintStream err) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        err.println("alpha-panda: error: " + message.replaceAll("\\s*\\R\\s*", " "));
        err.flush();
    }

    static String oneLine(FailureAnalysis analysis) {
        String action = analysis.getAction() == null ? "" : analysis.getAction().strip();
        String text = analysis.getDescription().strip() + (action.isEmpty() ? "" : " " + action);
        return "alpha-panda: error: " + text.replaceAll("\\s*\\R\\s*", " ");
    }
}
