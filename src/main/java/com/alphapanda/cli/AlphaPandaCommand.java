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
                TradingCommand.class, TokensCommand.class, DlqCommand.class, ReconcileCommand.class,
                OrdersCommand.class, BenchCommand.class, BacktestCommand.class, ZerodhaCommand.class},
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
        PrintWriter out = new PrintWriter(System.out, true);
        if (!startsThePlatform(args)) {
            keepStandardOutputForTheCommand();
        }
        System.exit(execute(args, out, new PrintWriter(System.err, true)));
    }

    /** {@code run} (also when no command is given) logs to standard output like any server. */
    static boolean startsThePlatform(String[] args) {
        return args.length == 0 || "run".equals(args[0]);
    }

    /**
     * Every other command prints only its own output on standard output: logging is at WARN, and whatever a library
     * writes to {@code System.out} (the console log appender included) goes to standard error.
     */
    private static void keepStandardOutputForTheCommand() {
        System.setProperty("logging.level.root", "WARN");
        System.setOut(System.err);
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

    /**
     * A usage error: the message, suggestions if any, then the usage of the command concerned; exit code 2. The bench
     * prints one line only (its output is read by scripts).
     */
    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine commandLine = e.getCommandLine();
        PrintWriter err = commandLine.getErr();
        if (commandLine.getCommand() instanceof BenchCommand) {
            err.println("alpha-panda: bench: " + e.getMessage() + " (see ./alpha-panda bench --help)");
            return CommandLine.ExitCode.USAGE;
        }
        err.println("alpha-panda: " + e.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        commandLine.usage(err);
        return CommandLine.ExitCode.USAGE;
    }
}
