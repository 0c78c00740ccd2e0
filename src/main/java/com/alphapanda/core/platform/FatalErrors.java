package com.alphapanda.core.platform;

import java.io.PrintStream;
import org.springframework.util.ErrorHandler;

/**
 * An {@link OutOfMemoryError} (or any other {@link VirtualMachineError}) leaves the process unable to do its work:
 * it must end so that a supervisor restarts it, never linger as a zombie that answers nothing. The launcher passes
 * {@code -XX:+ExitOnOutOfMemoryError}; this is the same rule for a JVM started without it: an uncaught fatal error and
 * one reaching a scheduled task halt the process with exit code 3 after one line on stderr.
 */
public final class FatalErrors {

    /** The exit code of a process ended by a fatal JVM error. */
    public static final int EXIT_CODE = 3;

    private FatalErrors() {
    }

    /** Makes every thread's uncaught fatal error end the process (other errors keep the default handling). */
    public static void install() {
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> {
            haltIfFatal(error, thread.getName());
            if (previous != null) {
                previous.uncaughtException(thread, error);
            } else {
                org.slf4j.LoggerFactory.getLogger(FatalErrors.class).error("Uncaught error in thread {}",
                        thread.getName(), error);
            }
        });
    }

    /** For scheduled tasks: a fatal error halts the process, anything else is logged and the task keeps its schedule. */
    public static ErrorHandler schedulerErrorHandler() {
        return error -> {
            haltIfFatal(error, Thread.currentThread().getName());
            org.slf4j.LoggerFactory.getLogger(FatalErrors.class).error("Scheduled task failed", error);
        };
    }

    /** Whether the error or one of its causes is a fatal JVM error. */
    static boolean isFatal(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof VirtualMachineError) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static void haltIfFatal(Throwable error, String thread) {
        if (isFatal(error)) {
            PrintStream err = System.err;
            err.println("alpha-panda: fatal " + error.getClass().getSimpleName() + " in thread " + thread
                    + ": ending the process (exit " + EXIT_CODE + ") so that it can be restarted");
            err.flush();
            Runtime.getRuntime().halt(EXIT_CODE);
        }
    }
}
