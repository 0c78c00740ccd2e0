package com.alphapanda.cli;

import com.alphapanda.core.event.Broker;
import com.alphapanda.core.event.TradingState;
import com.alphapanda.risk.TradingStateCommands;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code alpha-panda trading halt|reduce|resume --broker B --reason TEXT}: operator control of a broker's trading. */
@Command(name = "trading", mixinStandardHelpOptions = true,
        description = "Change a broker's trading state (recorded with who, when and why).",
        subcommands = {TradingCommand.Halt.class, TradingCommand.Reduce.class, TradingCommand.Resume.class})
final class TradingCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: halt, reduce or resume");
    }

    /** Options shared by the state changes. */
    abstract static class Change implements Callable<Integer> {

        @Option(names = "--broker", required = true, paramLabel = "BROKER", converter = BrokerConverter.class,
                description = "The broker: paper or zerodha.")
        Broker broker;

        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why (recorded).")
        String reason;

        @Option(names = "--by", paramLabel = "WHO", description = "Who (default: cli:<user>@<host>).")
        String by;

        @Option(names = "--data-dir", paramLabel = "DIR",
                description = "Data directory of the embedded PostgreSQL (default: ~/.alpha-panda).")
        Path dataDir;

        @CommandLine.Unmatched
        List<String> unmatched;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        abstract TradingState target();

        @Override
        public Integer call() {
            if (reason.isBlank() || reason.length() > 500) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--reason must be 1-500 characters");
            }
            String[] args = CommandExecution.springArgs(spec.commandLine(), unmatched, dataDir);
            return CommandExecution.run(spec.commandLine(),
                    () -> TradingStateCommands.change(args, broker, target(), reason.strip(), who()));
        }

        private String who() {
            if (by != null && !by.isBlank()) {
                return by.strip();
            }
            String host;
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                host = "unknown-host";
            }
            return "cli:" + System.getProperty("user.name", "unknown") + "@" + host;
        }
    }

    @Command(name = "halt", mixinStandardHelpOptions = true, description = "Reject every signal of the broker.")
    static final class Halt extends Change {
        @Override
        TradingState target() {
            return TradingState.HALTED;
        }
    }

    @Command(name = "reduce", mixinStandardHelpOptions = true,
            description = "Pass only signals that reduce an existing position.")
    static final class Reduce extends Change {
        @Override
        TradingState target() {
            return TradingState.REDUCING;
        }
    }

    @Command(name = "resume", mixinStandardHelpOptions = true, description = "Trade normally again (ACTIVE).")
    static final class Resume extends Change {
        @Override
        TradingState target() {
            return TradingState.ACTIVE;
        }
    }

    /** Parses {@code paper}/{@code zerodha}, naming the allowed values otherwise. */
    static final class BrokerConverter implements CommandLine.ITypeConverter<Broker> {
        @Override
        public Broker convert(String value) {
            try {
                return Broker.fromId(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
