package com.alphapanda.monitoring;

import java.time.Instant;

/** Whether the exchange is in its trading session at an instant. */
@FunctionalInterface
interface MarketHours {

    boolean isOpen(Instant at);
}
