/**
 * The paper venue: a faithful simulated exchange (docs/paper-trading.md). Its public types (the settings and the
 * in-process {@link com.alphapanda.execution.paper.PaperSimulator}) form the {@code paper} named interface that the
 * backtester uses.
 */
@NamedInterface("paper")
package com.alphapanda.execution.paper;

import org.springframework.modulith.NamedInterface;
