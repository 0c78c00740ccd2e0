package com.alphapanda.bench;

import java.util.Map;

/**
 * CPU and memory of the bench's JVM over the load; memory in MB, -1 when the system does not say.
 *
 * @param averageCores          CPU seconds per wall second
 * @param heapAfterGcMbAtMinute heap in use after the last garbage collection, at minutes 1, 5 and 10 of the load
 */
public record Resources(double wallSeconds, double cpuSeconds, double averageCores, int availableCores,
                        double maxRssMb, double endRssMb, Map<Integer, Double> heapAfterGcMbAtMinute) {
}
