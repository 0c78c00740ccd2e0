/**
 * Cluster-wide jobs (periodic snapshots, lag alerts, mark flushes) run by one instance at a time: each job is a
 * PostgreSQL advisory lock, so PostgreSQL, not a coordinator of our own, decides which instance runs it.
 */
package com.alphapanda.core.jobs;
