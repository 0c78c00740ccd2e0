package com.alphapanda.database;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Under {@code alpha-panda.database}.
 *
 * @param schemaManagement {@code migrate} (default: apply pending migrations at start-up) or {@code validate}
 *                         (refuse to start unless the schema is at the latest version)
 */
@Validated
@ConfigurationProperties("alpha-panda.database")
public record SchemaManagementProperties(@NotNull @DefaultValue("migrate") Mode schemaManagement) {

    /** How the application treats the schema at start-up. */
    public enum Mode {
        MIGRATE, VALIDATE
    }
}
