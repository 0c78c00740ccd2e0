package com.alphapanda.database;

/** Applied migrations differ from the ones this version ships (changed checksum, missing or failed migration). */
public class SchemaInvalidException extends RuntimeException {

    public SchemaInvalidException(String details) {
        super("database schema does not match this version's migrations: " + details);
    }
}
