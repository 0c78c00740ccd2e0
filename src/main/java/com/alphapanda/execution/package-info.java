/**
 * Order execution: the {@link com.alphapanda.execution.BrokerGateway} contract shared by every venue, and its
 * adapters ({@code paper}: the simulated venue; {@code zerodha}: Kite Connect, later).
 */
package com.alphapanda.execution;
