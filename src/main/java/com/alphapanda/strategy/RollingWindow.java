package com.alphapanda.strategy;

import java.math.BigDecimal;

/** The last {@code capacity} values, in a ring: adding is O(1) and returns the value pushed out, if any. */
public final class RollingWindow implements PriceHistory {

    private final BigDecimal[] values;
    private int start;
    private int size;

    public RollingWindow(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a rolling window holds at least one value");
        }
        this.values = new BigDecimal[capacity];
    }

    /** Adds the newest value; returns the oldest one evicted to make room, or null while not yet full. */
    public BigDecimal add(BigDecimal value) {
        if (size < values.length) {
            values[(start + size) % values.length] = value;
            size++;
            return null;
        }
        BigDecimal evicted = values[start];
        values[start] = value;
        start = (start + 1) % values.length;
        return evicted;
    }

    @Override
    public int size() {
        return size;
    }

    public int capacity() {
        return values.length;
    }

    public boolean isFull() {
        return size == values.length;
    }

    @Override
    public BigDecimal get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        return values[(start + index) % values.length];
    }

    public BigDecimal oldest() {
        return get(0);
    }
}
