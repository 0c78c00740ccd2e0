/**
 * The backtester: replays recorded ticks in event-time order through the live strategy, risk, paper-venue and
 * portfolio classes in-process (no Kafka, PostgreSQL or Redis) and writes a deterministic report. See
 * {@code docs/backtesting.md}.
 */
@ApplicationModule(displayName = "Backtesting")
package com.alphapanda.backtest;

import org.springframework.modulith.ApplicationModule;
