package com.alphapanda.cli;

import com.alphapanda.core.platform.ConsoleFailureReporter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import picocli.CommandLine;

/** What every command working on the platform's database shares: its Spring arguments and its failure reporting. */
final class CommandExecution {

    private CommandExecution() {
    }

    /** The checked {@code --name=value} Spring properties, plus {@code --alpha-panda.data-dir} when given. */
    static String[] springArgs(CommandLine commandLine, List<String> unmatched, Path dataDir) {
        List<String> args = new ArrayList<>(SpringArguments.check(commandLine, unmatched));
        if (dataDir != null) {
            args.add("--alpha-panda.data-dir=" + dataDir.toAbsolutePath());
        }
        return args.toArray(String[]::new);
    }

    /**
     * Runs a command's body and prints its lines (exit 0). A refused value is printed as one line (exit 1); any other
     * failure too, unless start-up already reported it on one line.
     */
    static int run(CommandLine commandLine, Supplier<List<String>> body) {
        try {
            body.get().forEach(commandLine.getOut()::println);
            return 0;
        } catch (IllegalArgumentException e) {
            commandLine.getErr().println("alpha-panda: error: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            if (!ConsoleFailureReporter.wasReported(e)) {
                ConsoleFailureReporter.reportUnanalysed(e, System.err);
            }
            return 1;
        }
    }
}
