package com.alphapanda.cli;

import com.alphapanda.core.platform.ConfigurationChecks;
import com.alphapanda.execution.zerodha.ZerodhaLogin;
import com.alphapanda.execution.zerodha.ZerodhaLoginException;
import com.alphapanda.execution.zerodha.ZerodhaProperties;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code alpha-panda zerodha login}: the Kite login, stored encrypted in the platform's database. */
@Command(name = "zerodha", mixinStandardHelpOptions = true, description = "Zerodha Kite Connect.",
        subcommands = ZerodhaCommand.Login.class)
final class ZerodhaCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: login");
    }

    @Command(name = "login", mixinStandardHelpOptions = true,
            description = {"Log in to Kite: prints the login URL, then takes the request token (or the whole redirect "
                    + "URL) as the argument or from standard input, exchanges it for an access token and stores the "
                    + "session encrypted until 06:00 IST.",
                    "Needs ALPHA_PANDA_ZERODHA_API_KEY and ALPHA_PANDA_ZERODHA_API_SECRET (or --alpha-panda.zerodha"
                            + ".api-key=... --alpha-panda.zerodha.api-secret=...)."})
    static final class Login implements Callable<Integer> {

        @Parameters(index = "0", arity = "0..1", paramLabel = "REQUEST_TOKEN_OR_URL",
                description = "The request_token, or the redirect URL that carries it.")
        String requestToken;

        @Option(names = "--data-dir", paramLabel = "DIR", description = "Data directory (default: ~/.alpha-panda).")
        Path dataDir;

        @CommandLine.Unmatched
        List<String> unmatched;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            String[] args = CommandExecution.springArgs(spec.commandLine(), unmatched, dataDir);
            StandardEnvironment environment = new StandardEnvironment();
            environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(args));
            return CommandExecution.run(spec.commandLine(), () -> {
                ZerodhaProperties properties = ConfigurationChecks.bind(environment, "alpha-panda.zerodha",
                        ZerodhaProperties.class);
                properties.check(null);
                if (!properties.hasCredentials()) {
                    throw new IllegalArgumentException("set alpha-panda.zerodha.api-key and api-secret first "
                            + "(environment ALPHA_PANDA_ZERODHA_API_KEY and ALPHA_PANDA_ZERODHA_API_SECRET)");
                }
                try {
                    return CommandDatabase.run(args, jdbc -> login(ZerodhaLogin.standalone(properties,
                            JdbcClient.create(jdbc))));
                } catch (ZerodhaLoginException e) {
                    throw new IllegalArgumentException(e.getMessage());
                }
            });
        }

        private List<String> login(ZerodhaLogin login) {
            var out = spec.commandLine().getOut();
            out.println("Open this URL in a browser and log in to Kite:");
            out.println("  " + login.loginUrl());
            String input = requestToken;
            if (input == null) {
                out.print("Then paste the request_token, or the whole URL Kite redirected to: ");
                out.flush();
                input = readLine();
            }
            ZerodhaLogin.Session session = login.complete(input);
            return List.of("Logged in to Kite as " + session.userId() + "; the session is valid until "
                    + session.expiresAt() + " (06:00 IST).");
        }

        private static String readLine() {
            try {
                String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                if (line == null) {
                    throw new ZerodhaLoginException("no request token given (standard input is closed)", false);
                }
                return line;
            } catch (IOException e) {
                throw new ZerodhaLoginException("cannot read the request token: " + e.getMessage(), false);
            }
        }
    }
}
