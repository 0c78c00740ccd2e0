/**
 * The dead-letter store: every record published to a {@code <topic>.dlq} is indexed in PostgreSQL
 * ({@code dead_letters}) so an operator can list, inspect, replay (one or in bulk, with a dry run) and purge them,
 * over {@code /api/v1/dlq} and {@code ./alpha-panda dlq}. Replay republishes the original key, value and headers to the
 * original topic; consumers are idempotent, so a replay never duplicates an effect.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Dead letters")
package com.alphapanda.deadletter;
