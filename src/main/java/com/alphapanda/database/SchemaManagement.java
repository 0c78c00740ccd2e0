package com.alphapanda.database;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Arrays;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.api.output.ValidateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;

/**
 * What happens to the schema at start-up, by mode: migrate, or validate and refuse. Records
 * {@code schema_migration_duration_seconds} and {@code schema_validation_total{result}}.
 */
class SchemaManagement implements FlywayMigrationStrategy {

    private static final Logger log = LoggerFactory.getLogger(SchemaManagement.class);

    private final SchemaManagementProperties.Mode mode;
    private final MeterRegistry meters;

    SchemaManagement(SchemaManagementProperties.Mode mode, MeterRegistry meters) {
        this.mode = mode;
        this.meters = meters;
    }

    @Override
    public void migrate(Flyway flyway) {
        switch (mode) {
            case MIGRATE -> migrateNow(flyway);
            case VALIDATE -> validate(flyway);
        }
    }

    private void migrateNow(Flyway flyway) {
        MigrateResult result = Timer.builder("schema.migration.duration")
                .description("Time taken to apply pending schema migrations at start-up")
                .register(meters)
                .record(flyway::migrate);
        log.info("Database schema at version {} ({} migration(s) applied now)",
                result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion,
                result.migrationsExecuted);
        count("valid");
    }

    private void validate(Flyway flyway) {
        MigrationInfo[] pending = flyway.info().pending();
        if (pending.length > 0) {
            count("pending");
            MigrationInfo current = flyway.info().current();
            throw new SchemaNotCurrentException(current == null ? null : current.getVersion().getVersion(),
                    Arrays.stream(pending).map(m -> m.getVersion().getVersion()).toList());
        }
        ValidateResult result = flyway.validateWithResult();
        if (!result.validationSuccessful) {
            count("invalid");
            List<String> errors = result.invalidMigrations.stream()
                    .map(m -> m.version + ": " + m.errorDetails.errorMessage).toList();
            throw new SchemaInvalidException(String.join("; ", errors));
        }
        count("valid");
        log.info("Database schema validated at version {}", flyway.info().current().getVersion().getVersion());
    }

    private void count(String result) {
        Counter.builder("schema.validation")
                .description("Start-up schema checks by result")
                .tag("result", result)
                .register(meters)
                .increment();
    }
}
