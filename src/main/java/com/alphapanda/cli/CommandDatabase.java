package com.alphapanda.cli;

import com.alphapanda.database.SchemaManagementProperties;
import com.alphapanda.embedded.EmbeddedInfrastructure;
import java.util.function.Function;
import org.flywaydb.core.Flyway;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A minimal context for commands that write to the database (instruments, strategies, tokens): the datasource and
 * Flyway only (and the embedded PostgreSQL on the data directory unless {@code spring.datasource.url} is set). The
 * schema is brought up to date in {@code migrate} mode; in {@code validate} mode a pending migration is refused.
 */
final class CommandDatabase {

    private CommandDatabase() {
    }

    static <T> T run(String[] springArgs, Function<JdbcTemplate, T> action) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Context.class)
                .web(WebApplicationType.NONE)
                .properties(EmbeddedInfrastructure.SERVERS_PROPERTY + "=postgres",
                        "logging.level.root=WARN",
                        "logging.level.org.springframework.boot.diagnostics.LoggingFailureAnalysisReporter=OFF")
                .run(springArgs)) {
            return action.apply(context.getBean(JdbcTemplate.class));
        }
    }

    /** Not a {@code @Configuration}, so the platform's component scan does not pick it up. */
    @ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, DataSourceAutoConfiguration.class,
            FlywayAutoConfiguration.class, JdbcTemplateAutoConfiguration.class, JdbcClientAutoConfiguration.class})
    @EnableConfigurationProperties(SchemaManagementProperties.class)
    static class Context {

        @Bean
        FlywayMigrationStrategy migrateOrRefuse(SchemaManagementProperties schema) {
            return flyway -> apply(flyway, schema.schemaManagement());
        }

        private static void apply(Flyway flyway, SchemaManagementProperties.Mode mode) {
            switch (mode) {
                case MIGRATE -> flyway.migrate();
                case VALIDATE -> {
                    if (flyway.info().pending().length > 0) {
                        throw new IllegalStateException("the database schema is not current: run "
                                + "'./alpha-panda db migrate' first");
                    }
                }
            }
        }
    }
}
