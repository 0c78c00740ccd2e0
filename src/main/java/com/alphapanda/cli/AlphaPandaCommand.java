package com.alphapanda.cli;

import com.alphapanda.core.platform.FatalErrors;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code alpha-panda} command and its subcommands. */
@Command(name = "alpha-panda",
        mixinStandardHelpOptions = true,
        versionProvider = BuildVersion.class,
        description = "Kafka-native algorithmic trading platform for Indian markets (paper trading and Zerodha Kite).",
        subcommands = {RunCommand.class, DbCommand.class, InstrumentsCommand.class, StrategiesCommand.class,
                TradingCommand.class, TokensCommand.class, DlqCommand.class, ReconcileCommand.class},
        footer = {"", "With no command, 'run' is assumed. Spring properties can be given as --name=value after "
                + "'run' or 'db', e.g. ./alpha-panda run --server.port=9090"})
public final class AlphaPandaCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command");
    }

    /** The executable entry point: {@code ./alpha-panda [run|db ...|--help|--version]}. */
    public static void main(String[] args) {
        FatalErrors.install();
        System.exit(execute(args));
    }

    /** Parses and runs a command line; returns the exit code (0 ok, 1 failure, 2 usage error). */
    public static int execute(String[] args) {
        return execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    }

    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        String[] effective = args.length == 0 ? new String[] {"run"} : args;
        return new CommandLine(new AlphaPandaCommand())
                .setOut(out)
                .setErr(err)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setParameterExceptionHandler(AlphaPandaCommand::usageError)
                .execute(effective);
    }

    /** A usage error: the message, suggestions if any, then the usage of the command concerned; exit code 2. */
    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine commandLine = e.getCommandLine();
        PrintWriter err = commandLine.getErr();
        err.println("alpha-panda: " + e.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        commandLine.usage(err);
        return CommandLine.ExitCode.USAGE;
    }
}
