package com.alphapanda.bench;

import java.time.Duration;
import java.time.Instant;

/**
 * The one clock of a bench run: wall-clock microseconds (the clock Kafka stamps records with), and the mapping of
 * that clock onto the event time of the bench's ticks. A tick sent at wall time {@code w} carries the event time
 * {@code session + (w - start)}: always inside the regular NSE session, and any event caused by the tick (its
 * signals carry its event time) tells when the tick was sent.
 */
final class BenchClock {

    /** A Tuesday, 09:30 IST: the regular session runs six hours from here. */
    static final Instant SESSION = Instant.parse("2026-12-01T04:00:00Z");

    private final long startMicros;

    BenchClock(long startMicros) {
        this.startMicros = startMicros;
    }

    static BenchClock startingNow() {
        return new BenchClock(nowMicros());
    }

    static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }

    /** The event time of a tick sent at this wall time. */
    Instant eventTimeOf(long sentMicros) {
        return SESSION.plus(Duration.ofNanos((sentMicros - startMicros) * 1_000L));
    }

    /** The wall time a tick with this event time was sent at. */
    long sentMicrosOf(Instant eventTime) {
        Duration since = Duration.between(SESSION, eventTime);
        return startMicros + since.getSeconds() * 1_000_000L + since.getNano() / 1_000;
    }
}
