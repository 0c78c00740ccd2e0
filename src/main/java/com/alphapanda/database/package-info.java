/**
 * Schema management: Flyway migrations only (no ORM schema generation anywhere). Mode {@code migrate} applies
 * pending migrations at start-up; mode {@code validate} (production) refuses to start against a database that is not
 * at the latest version and names the command that fixes it.
 */
package com.alphapanda.database;
