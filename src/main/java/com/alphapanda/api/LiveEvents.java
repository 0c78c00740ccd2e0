package com.alphapanda.api;

/**
 * Pushes a named event to every client of {@code GET /api/v1/stream}. Never blocks: a slow client is dropped rather
 * than slowing the caller. Features use it for what is not on a Kafka topic the stream already follows (portfolio
 * updates, alerts, pipeline status).
 */
public interface LiveEvents {

    /** Names of the stream's events. */
    String PORTFOLIO = "portfolio";
    String FILL = "fill";
    String ORDER = "order";
    String SIGNAL = "signal";
    String REJECTION = "rejection";
    String TRADING_STATE = "trading-state";
    String ALERT = "alert";
    String PIPELINE = "pipeline";

    /** Publishes an event; {@code data} is written as JSON. */
    void publish(String name, Object data);
}
