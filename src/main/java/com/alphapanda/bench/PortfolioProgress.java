package com.alphapanda.bench;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Fill → portfolio updated, measured from outside: a fill (partition, offset of {@code {broker}.orders.filled}) is
 * applied when the portfolio manager's consumer group has committed an offset past it. The portfolio manager commits
 * its offsets in the same transaction as the fill's effects, so that moment is when the update became final. The
 * committed offsets are polled; each change is kept with the time it was first seen, so a fill the bench learns of
 * after the group already committed past it is still timed correctly. Thread-safe.
 */
final class PortfolioProgress {

    private static final int MAX_HISTORY = 100_000;

    private record Commit(long offset, long seenMicros) {
    }

    private record Fill(long offset, long atMicros) {
    }

    private final Map<Integer, List<Commit>> commits = new HashMap<>();
    private final Map<Integer, Deque<Fill>> waiting = new HashMap<>();
    private final Histogram fillToPortfolio = LatencyStats.newHistogram();

    /** A committed offset of the portfolio group on a partition, polled at {@code seenMicros}. */
    synchronized void committed(int partition, long offset, long seenMicros) {
        List<Commit> history = commits.computeIfAbsent(partition, p -> new ArrayList<>());
        if (!history.isEmpty() && history.getLast().offset() >= offset) {
            return;
        }
        if (history.size() >= MAX_HISTORY) {
            history.subList(0, MAX_HISTORY / 2).clear();
        }
        history.add(new Commit(offset, seenMicros));
        Deque<Fill> fills = waiting.getOrDefault(partition, new ArrayDeque<>());
        while (!fills.isEmpty() && fills.peekFirst().offset() < offset) {
            Fill f = fills.pollFirst();
            LatencyStats.record(fillToPortfolio, seenMicros - f.atMicros());
        }
    }

    /** A fill at this partition and offset, produced at {@code atMicros} (its record timestamp). */
    synchronized void fill(int partition, long offset, long atMicros) {
        List<Commit> history = commits.getOrDefault(partition, List.of());
        Commit first = firstPast(history, offset);
        if (first != null) {
            LatencyStats.record(fillToPortfolio, first.seenMicros() - atMicros);
            return;
        }
        waiting.computeIfAbsent(partition, p -> new ArrayDeque<>()).addLast(new Fill(offset, atMicros));
    }

    /** Fills not yet applied. */
    synchronized long waiting() {
        return waiting.values().stream().mapToLong(Deque::size).sum();
    }

    synchronized LatencyStats stats() {
        return LatencyStats.of(fillToPortfolio);
    }

    synchronized void reset() {
        fillToPortfolio.reset();
        waiting.clear();
    }

    /** The earliest commit past {@code offset} (binary search over the increasing history), or null. */
    private static Commit firstPast(List<Commit> history, long offset) {
        int lo = 0;
        int hi = history.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (history.get(mid).offset() > offset) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo < history.size() ? history.get(lo) : null;
    }
}
