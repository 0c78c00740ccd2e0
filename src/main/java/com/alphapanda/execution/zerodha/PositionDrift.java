package com.alphapanda.execution.zerodha;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What differs between the platform's zerodha book and Kite's: per instrument, the day's net quantity from our fills
 * against Kite's day position; and open orders at Kite that the platform did not place. Pure: no I/O.
 */
record PositionDrift(List<String> findings) {

    static PositionDrift compare(Map<Long, Long> internalNet, Map<Long, Long> kiteNet, Set<String> unknownOpenOrders) {
        List<String> findings = new ArrayList<>();
        Set<Long> tokens = new TreeSet<>(internalNet.keySet());
        tokens.addAll(kiteNet.keySet());
        for (long token : tokens) {
            long ours = internalNet.getOrDefault(token, 0L);
            long theirs = kiteNet.getOrDefault(token, 0L);
            if (ours != theirs) {
                findings.add("instrument " + token + ": platform net " + ours + ", Kite net " + theirs);
            }
        }
        unknownOpenOrders.stream().sorted().forEach(id -> findings.add("open order " + id
                + " at Kite was not placed by the platform"));
        return new PositionDrift(List.copyOf(findings));
    }

    boolean drifted() {
        return !findings.isEmpty();
    }
}
