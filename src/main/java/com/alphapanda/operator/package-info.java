/**
 * Operator actions of a running platform: cancel a working order, flatten a position, a strategy or a whole broker.
 * Each becomes an event on Kafka marked with who asked and why — a cancel command for the venue, a flatten a closing
 * signal judged by the risk manager — so it is audited and appears as orders and fills. See {@code docs/operations.md}.
 */
package com.alphapanda.operator;
