/**
 * Zerodha Kite Connect: the login and session ({@link com.alphapanda.execution.zerodha.ZerodhaLogin}), order
 * execution ({@code ZerodhaBroker}, a {@code BrokerGateway} over Kite REST), order updates and the safety switches.
 * Exposed to the command line as the {@code zerodha} named interface; see docs/zerodha.md.
 */
@org.springframework.modulith.NamedInterface("zerodha")
package com.alphapanda.execution.zerodha;
