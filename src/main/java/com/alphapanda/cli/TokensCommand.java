package com.alphapanda.cli;

import com.alphapanda.api.ApiRole;
import com.alphapanda.api.ApiToken;
import com.alphapanda.api.ApiTokens;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.jdbc.core.simple.JdbcClient;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code alpha-panda tokens create|list|revoke}: API tokens, directly in the database (so the first admin token can
 * be made before anything runs). Works whether or not the platform is running on the data directory.
 */
@Command(name = "tokens", mixinStandardHelpOptions = true, description = "Create, list and revoke API tokens.",
        subcommands = {TokensCommand.Create.class, TokensCommand.List.class, TokensCommand.Revoke.class})
final class TokensCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: create, list or revoke");
    }

    /** Runs against the platform's database, with the same configuration as {@code run}. */
    abstract static class DatabaseCall implements Callable<Integer> {
        @Option(names = "--data-dir", paramLabel = "DIR", description = "Data directory (default: ~/.alpha-panda).")
        Path dataDir;

        @CommandLine.Unmatched
        java.util.List<String> unmatched;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            String[] args = CommandExecution.springArgs(spec.commandLine(), unmatched, dataDir);
            return CommandExecution.run(spec.commandLine(), () -> {
                validate();
                return CommandDatabase.run(args, jdbc -> execute(new ApiTokens(JdbcClient.create(jdbc), Clock.systemUTC())));
            });
        }

        void validate() {
        }

        abstract java.util.List<String> execute(ApiTokens tokens);
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a token; it is shown once.")
    static final class Create extends DatabaseCall {
        @Option(names = "--role", required = true, description = "viewer, operator or admin") String role;
        @Option(names = "--name", required = true, description = "Who or what the token is for.") String name;
        @Option(names = "--expires", description = "Validity, e.g. 30d, 12h (default: never expires).")
        String expires;

        private ApiRole parsedRole;
        private Duration validity;

        @Override
        void validate() {
            parsedRole = ApiRole.fromId(role);
            try {
                validity = expires == null ? null : DurationStyle.detectAndParse(expires);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--expires must be a duration such as 30d or 12h, was '"
                        + expires + "'");
            }
            if (validity != null && (validity.isNegative() || validity.isZero()
                    || validity.compareTo(ApiTokens.MAX_VALIDITY) > 0)) {
                throw new IllegalArgumentException("--expires must be from 1s to " + ApiTokens.MAX_VALIDITY.toDays()
                        + "d (leave it out for a token that never expires), was '" + expires + "'");
            }
        }

        @Override
        java.util.List<String> execute(ApiTokens tokens) {
            ApiTokens.CreatedToken created = tokens.create(name, parsedRole, validity);
            return java.util.List.of("Created " + created.token().role().id() + " token '" + created.token().name()
                    + "' (" + created.token().id() + "), " + (created.token().expiresAt() == null ? "never expires"
                    : "expires " + created.token().expiresAt()) + ".",
                    "Token (shown only now; keep it secret) on the next line:", created.secret());
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List tokens (never their secrets).")
    static final class List extends DatabaseCall {
        @Override
        java.util.List<String> execute(ApiTokens tokens) {
            java.util.List<String> lines = new ArrayList<>();
            lines.add(String.format("%-36s  %-24s  %-8s  %-8s  %-24s  %s", "ID", "NAME", "ROLE", "STATE", "EXPIRES",
                    "LAST USED"));
            java.time.Instant now = java.time.Instant.now();
            for (ApiToken t : tokens.list()) {
                String state = t.revokedAt() != null ? "revoked" : t.isActiveAt(now) ? "active" : "expired";
                lines.add(String.format("%-36s  %-24s  %-8s  %-8s  %-24s  %s", t.id(), t.name(), t.role().id(), state,
                        t.expiresAt() == null ? "never" : t.expiresAt(),
                        t.lastUsedAt() == null ? "-" : t.lastUsedAt()));
            }
            return lines;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a token at once.")
    static final class Revoke extends DatabaseCall {
        @Parameters(paramLabel = "ID") UUID id;

        @Override
        java.util.List<String> execute(ApiTokens tokens) {
            if (!tokens.revoke(id)) {
                throw new IllegalArgumentException("no active token with id " + id);
            }
            return java.util.List.of("Revoked token " + id + ".");
        }
    }
}
