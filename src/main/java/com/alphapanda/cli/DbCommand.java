package com.alphapanda.cli;

import com.alphapanda.database.SchemaCommands;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code alpha-panda db migrate|status}: schema management outside the running platform. */
@Command(name = "db", mixinStandardHelpOptions = true, description = "Database schema management.",
        subcommands = {DbCommand.Migrate.class, DbCommand.Status.class})
final class DbCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: migrate or status");
    }

    /** Options shared by the db subcommands. */
    abstract static class DbSubcommand implements Callable<Integer> {

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
            return CommandExecution.run(spec.commandLine(), () -> apply(args));
        }

        abstract List<String> apply(String[] springArgs);
    }

    @Command(name = "migrate", mixinStandardHelpOptions = true, description = "Apply pending schema migrations.")
    static final class Migrate extends DbSubcommand {
        @Override
        List<String> apply(String[] springArgs) {
            return SchemaCommands.migrate(springArgs);
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "List applied and pending schema migrations.")
    static final class Status extends DbSubcommand {
        @Override
        List<String> apply(String[] springArgs) {
            return SchemaCommands.status(springArgs);
        }
    }
}
