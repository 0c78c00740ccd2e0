/**
 * The event contract: {@link com.alphapanda.core.event.Envelope} and the sealed payload families
 * ({@link com.alphapanda.core.event.MarketEvent}, {@link com.alphapanda.core.event.SignalEvent},
 * {@link com.alphapanda.core.event.RiskDecisionEvent}, {@link com.alphapanda.core.event.OrderEvent},
 * {@link com.alphapanda.core.event.PnlEvent}, {@link com.alphapanda.core.event.ControlEvent}), with their JSON codec.
 * The wire format is documented in {@code docs/events.md}.
 */
package com.alphapanda.core.event;
