package com.alphapanda.risk;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;

/**
 * The recent prices of one instrument ordered by event time, at most {@code capacity} of them (the oldest are dropped
 * first). Arrays grow on demand, so a quiet instrument costs little. Thread-safe.
 */
final class PriceTrail {

    private final int capacity;
    private long[] times = new long[16];
    private BigDecimal[] prices = new BigDecimal[16];
    private int size;

    PriceTrail(int capacity) {
        this.capacity = capacity;
    }

    /** Adds a price at its event time (a late tick is inserted in place; a second price at the same time wins). */
    synchronized void add(Instant at, BigDecimal price) {
        long t = micros(at);
        int index = floorIndex(t);
        if (index >= 0 && times[index] == t) {
            prices[index] = price;
            return;
        }
        if (size == capacity) {
            if (index < 0) {
                return; // older than everything kept: it can no longer matter
            }
            shiftOut();
            index--;
        }
        grow();
        int at1 = index + 1;
        System.arraycopy(times, at1, times, at1 + 1, size - at1);
        System.arraycopy(prices, at1, prices, at1 + 1, size - at1);
        times[at1] = t;
        prices[at1] = price;
        size++;
    }

    /** The price of the newest tick at or before {@code at}; the oldest kept when all are newer; null when empty. */
    synchronized Lookup asOf(Instant at) {
        if (size == 0) {
            return null;
        }
        int index = floorIndex(micros(at));
        return index < 0 ? new Lookup(prices[0], false) : new Lookup(prices[index], true);
    }

    /** The newest price, or null. */
    synchronized BigDecimal newest() {
        return size == 0 ? null : prices[size - 1];
    }

    /** The event time of the newest price, or null. */
    synchronized Instant newestTime() {
        return size == 0 ? null : Instant.EPOCH.plusNanos(times[size - 1] * 1000);
    }

    synchronized int size() {
        return size;
    }

    /** A price found for a time: {@code exact} is false when the time is older than every price kept. */
    record Lookup(BigDecimal price, boolean exact) {
    }

    private int floorIndex(long t) {
        int found = Arrays.binarySearch(times, 0, size, t);
        return found >= 0 ? found : -found - 2;
    }

    private void shiftOut() {
        System.arraycopy(times, 1, times, 0, size - 1);
        System.arraycopy(prices, 1, prices, 0, size - 1);
        prices[--size] = null;
    }

    private void grow() {
        if (size == times.length) {
            int next = Math.min(capacity, times.length * 2);
            times = Arrays.copyOf(times, next);
            prices = Arrays.copyOf(prices, next);
        }
    }

    private static long micros(Instant at) {
        return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1000);
    }
}
