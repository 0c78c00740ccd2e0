package com.alphapanda.execution.paper;

import com.alphapanda.core.event.Envelope;
import com.alphapanda.core.event.MarketEvent;
import java.util.function.Consumer;

/** Ticks already on {@code market.ticks}, read again: a new owner's catch-up of the orders it took over. */
interface TickHistory {

    /** A tick and its offset. */
    record Tick(Envelope<MarketEvent> envelope, long offset) {
    }

    /** Hands the ticks of one partition with offsets from {@code from} to {@code to} (both included) over in order. */
    void read(int partition, long from, long to, Consumer<Tick> each);
}
