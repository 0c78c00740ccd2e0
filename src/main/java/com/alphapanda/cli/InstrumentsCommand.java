package com.alphapanda.cli;

import com.alphapanda.instrument.InstrumentFile;
import com.alphapanda.execution.zerodha.ZerodhaInstrumentSync;
import com.alphapanda.execution.zerodha.ZerodhaProperties;
import com.alphapanda.instrument.InstrumentImport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code alpha-panda instruments import FILE}: loads a Kite instrument dump into the database. */
@Command(name = "instruments", mixinStandardHelpOptions = true, description = "Instrument master data.",
        subcommands = {InstrumentsCommand.Import.class, InstrumentsCommand.Sync.class})
final class InstrumentsCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: import or sync");
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Import a Kite instrument dump (instrument_token,exchange_token,tradingsymbol,name,"
                    + "last_price,expiry,strike,tick_size,lot_size,instrument_type,segment,exchange).",
                    "Rows are upserted by instrument_token; malformed rows are reported by line number and skipped."})
    static final class Import implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "FILE", description = "The CSV file.")
        Path file;

        @Option(names = "--subscribe", description = "Also subscribe the imported instruments (instrument_registry).")
        boolean subscribe;

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
            int[] imported = {0};
            int exit = CommandExecution.run(spec.commandLine(), () -> CommandDatabase.run(args, jdbc -> {
                InstrumentImport.Result result = new InstrumentImport(jdbc).importFile(file, subscribe);
                imported[0] = result.imported();
                return report(result);
            }));
            if (exit == 0 && imported[0] == 0) {
                spec.commandLine().getErr().println("alpha-panda: error: " + file + " has no valid row; nothing was "
                        + "imported");
                return 1;
            }
            return exit;
        }

        private List<String> report(InstrumentImport.Result result) {
            List<String> lines = new ArrayList<>();
            lines.add("Imported " + result.imported() + " instrument(s) from " + file
                    + (subscribe ? " (subscribed)" : "") + "; skipped " + result.skipped().size() + " malformed row(s)"
                    + (result.skipped().isEmpty() ? "." : ":"));
            result.skipped().stream().map(InstrumentFile.RowError::toString).map(s -> "  " + s).forEach(lines::add);
            return lines;
        }
    }

    @Command(name = "sync", mixinStandardHelpOptions = true,
            description = {"Download Kite's instrument dump (GET /instruments) with the stored Kite session and import "
                    + "it like 'instruments import'.", "Needs the Kite API key and secret "
                    + "(ALPHA_PANDA_ZERODHA_API_KEY, ALPHA_PANDA_ZERODHA_API_SECRET) and a login "
                    + "('./alpha-panda zerodha login')."})
    static final class Sync implements Callable<Integer> {

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
            org.springframework.core.env.StandardEnvironment environment =
                    new org.springframework.core.env.StandardEnvironment();
            environment.getPropertySources().addFirst(
                    new org.springframework.core.env.SimpleCommandLinePropertySource(args));
            return CommandExecution.run(spec.commandLine(), () -> {
                ZerodhaProperties properties = com.alphapanda.core.platform.ConfigurationChecks.bind(environment,
                        "alpha-panda.zerodha", ZerodhaProperties.class);
                properties.check(null);
                if (!properties.hasCredentials()) {
                    throw new IllegalArgumentException("set alpha-panda.zerodha.api-key and api-secret first "
                            + "(environment ALPHA_PANDA_ZERODHA_API_KEY and ALPHA_PANDA_ZERODHA_API_SECRET)");
                }
                return CommandDatabase.run(args, jdbc -> {
                    InstrumentImport.Result result = ZerodhaInstrumentSync.standalone(properties, jdbc).sync();
                    return List.of("Synced " + result.imported() + " instrument(s) from Kite; skipped "
                            + result.skipped().size() + " malformed row(s).");
                });
            });
        }
    }
}
