package com.alphapanda.cli;

import com.alphapanda.strategy.StrategyLoad;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.jdbc.core.simple.JdbcClient;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code alpha-panda strategies load FILE}: upserts strategies from YAML into the database. */
@Command(name = "strategies", mixinStandardHelpOptions = true, description = "Strategy configuration.",
        subcommands = StrategiesCommand.Load.class)
final class StrategiesCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: load");
    }

    @Command(name = "load", mixinStandardHelpOptions = true,
            description = {"Upsert the strategies of a YAML file (reference template keys) by id.",
                    "Invalid strategies are reported and skipped; a running platform applies the change within "
                            + "alpha-panda.strategies.reload-interval. To reach a running platform's database pass "
                            + "--spring.datasource.url=... (its JDBC URL is logged at start-up)."})
    static final class Load implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "FILE", description = "The YAML file.")
        Path file;

        @Option(names = "--data-dir", paramLabel = "DIR",
                description = "Data directory of the embedded PostgreSQL (default: ~/.alpha-panda).")
        Path dataDir;

        @CommandLine.Unmatched
        List<String> unmatched;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            String[] args = CommandExecution.springArgs(spec.commandLine(), unmatched, dataDir);
            List<String> lines = new ArrayList<>();
            int exit = CommandExecution.run(spec.commandLine(), () -> {
                lines.addAll(CommandDatabase.run(args,
                        jdbc -> describe(new StrategyLoad(JdbcClient.create(jdbc)).load(file))));
                return lines;
            });
            boolean noneLoaded = !lines.isEmpty() && lines.getFirst().startsWith("Loaded 0 ");
            return exit == 0 && (noneLoaded || lines.stream().anyMatch(l -> l.startsWith("  rejected"))) ? 1 : exit;
        }

        private List<String> describe(StrategyLoad.Result result) {
            List<String> lines = new ArrayList<>();
            lines.add("Loaded " + result.loaded().size() + " strategies from " + file + ": "
                    + String.join(", ", result.loaded()) + "; rejected " + result.rejected().size() + ".");
            result.rejected().forEach(r -> lines.add("  rejected: " + r));
            result.notes().forEach(n -> lines.add("  note: " + n));
            return lines;
        }
    }
}
