package com.alphapanda.bench;

/** The bench could not run (the platform did not start, a topic is missing, a phase timed out). */
public final class BenchException extends RuntimeException {

    public BenchException(String message) {
        super(message);
    }
}
