package com.alphapanda.bench;

import java.util.OptionalInt;

/**
 * The find-the-maximum plan: double the rate while every step is sustained; after the first step that is not,
 * bisect (geometrically) between the best sustained rate and the lowest failed one until they are within 10 % of
 * each other. A first step that fails halves the rate instead (down to 1 tick/s).
 */
final class RateSearch {

    static final double PRECISION = 1.10;

    private int best;
    private int failed = Integer.MAX_VALUE;

    /** The highest rate sustained so far; 0 when none was. */
    int best() {
        return best;
    }

    /** Records the outcome of a step and returns the next rate to try, or empty when the search is done. */
    OptionalInt next(int rate, boolean sustained) {
        if (sustained) {
            best = Math.max(best, rate);
        } else {
            failed = Math.min(failed, rate);
        }
        if (failed == Integer.MAX_VALUE) {
            return OptionalInt.of((int) Math.min(1_000_000L, rate * 2L));
        }
        if (best == 0) {
            return failed <= 1 ? OptionalInt.empty() : OptionalInt.of(Math.max(1, failed / 2));
        }
        if ((double) failed / best <= PRECISION) {
            return OptionalInt.empty();
        }
        int middle = (int) Math.round(Math.sqrt((double) best * failed));
        return middle <= best || middle >= failed ? OptionalInt.empty() : OptionalInt.of(middle);
    }
}
