package com.alphapanda.marketfeed;

/**
 * Where ticks come from: a simulator, a recorded file, a live feed. {@link #run} produces ticks into the sink on the
 * source's own thread until the source is exhausted or the thread is interrupted. A source never talks to Kafka: it
 * only offers ticks to the sink, which never blocks on Kafka.
 */
public interface TickSource {

    /** A short name for logs and metrics: {@code simulated}, {@code replay}, {@code kite}. */
    String name();

    void run(TickSink sink) throws InterruptedException;
}
