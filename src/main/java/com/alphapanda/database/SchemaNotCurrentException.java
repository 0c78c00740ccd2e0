package com.alphapanda.database;

import java.util.List;

/** The database is not at the latest schema version and validate mode does not migrate. */
public class SchemaNotCurrentException extends RuntimeException {

    public SchemaNotCurrentException(String currentVersion, List<String> pendingVersions) {
        super(message(currentVersion, pendingVersions));
    }

    private static String message(String currentVersion, List<String> pendingVersions) {
        String current = currentVersion == null
                ? "is empty (no migration applied)"
                : "is at version " + currentVersion;
        return "database schema " + current + "; pending migrations: " + String.join(", ", pendingVersions)
                + ". Start-up refused because alpha-panda.database.schema-management=validate: run "
                + "'./alpha-panda db migrate' to apply them.";
    }
}
