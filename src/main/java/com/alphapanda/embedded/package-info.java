/**
 * Embedded real servers — Kafka (KRaft, in-process), PostgreSQL (zonky) and Redis — started before the application
 * context when no external connection is configured. This is what lets {@code ./alpha-panda run} work with nothing
 * but a JDK; production points the standard Spring connection properties at Redpanda, PostgreSQL and Redis instead.
 */
package com.alphapanda.embedded;
