package com.alphapanda.database;

import com.alphapanda.embedded.EmbeddedInfrastructure;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * {@code db migrate} and {@code db status}: a minimal context with only the datasource and Flyway (and, unless
 * {@code spring.datasource.url} is set, the embedded PostgreSQL on the data directory), configured exactly as the
 * platform is.
 */
public final class SchemaCommands {

    private SchemaCommands() {
    }

    /** Applies pending migrations; returns what was done, for the user. */
    public static List<String> migrate(String[] springArgs) {
        return withFlyway(springArgs, flyway -> {
            MigrateResult result = flyway.migrate();
            String version = flyway.info().current() == null ? "(empty)"
                    : flyway.info().current().getVersion().getVersion();
            return List.of("Applied " + result.migrationsExecuted + " migration(s); schema is at version "
                    + version + ".");
        });
    }

    /** Lists every migration with its state (applied, pending, ...). */
    public static List<String> status(String[] springArgs) {
        return withFlyway(springArgs, SchemaCommands::describe);
    }

    static List<String> describe(Flyway flyway) {
        MigrationInfo[] all = flyway.info().all();
        List<String> lines = new ArrayList<>();
        lines.add(String.format("%-8s %-12s %-25s %s", "VERSION", "STATE", "INSTALLED ON", "DESCRIPTION"));
        for (MigrationInfo m : all) {
            lines.add(String.format("%-8s %-12s %-25s %s", m.getVersion() == null ? "" : m.getVersion().getVersion(),
                    m.getState().getDisplayName().toLowerCase(java.util.Locale.ROOT),
                    m.getInstalledOn() == null ? "-" : m.getInstalledOn().toInstant().toString(),
                    m.getDescription()));
        }
        long pending = Arrays.stream(flyway.info().pending()).count();
        MigrationInfo current = flyway.info().current();
        lines.add("Current version: " + (current == null ? "none (empty database)" : current.getVersion().getVersion())
                + "; pending: " + pending + (pending > 0 ? " (run './alpha-panda db migrate')" : ""));
        return lines;
    }

    private static List<String> withFlyway(String[] springArgs, Function<Flyway, List<String>> action) {
        return withDatabase(springArgs, context -> action.apply(context.getBean(Flyway.class)));
    }

    /**
     * Runs a command against the platform's database, configured exactly as {@code run} would be: the configured
     * datasource, else the embedded PostgreSQL of the data directory (the running platform's, when one runs on it).
     */
    private static <T> T withDatabase(String[] springArgs, Function<ConfigurableApplicationContext, T> action) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(CommandContext.class)
                .web(WebApplicationType.NONE)
                .properties(EmbeddedInfrastructure.SERVERS_PROPERTY + "=postgres",
                        "logging.level.root=WARN",
                        "logging.level.org.springframework.boot.diagnostics.LoggingFailureAnalysisReporter=OFF")
                .run(springArgs)) {
            return action.apply(context);
        }
    }

    /**
     * Only the datasource and Flyway, with no migration at context start. Deliberately not a {@code @Configuration},
     * so the platform's component scan does not pick it up.
     */
    @ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, DataSourceAutoConfiguration.class,
            FlywayAutoConfiguration.class})
    static class CommandContext {

        @Bean
        FlywayMigrationStrategy noMigrationAtStart() {
            return flyway -> {
            };
        }
    }
}
