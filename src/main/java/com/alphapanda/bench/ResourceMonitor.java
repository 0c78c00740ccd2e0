package com.alphapanda.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time and memory of this JVM — the platform, the embedded Kafka broker and the bench itself run in it (the
 * embedded PostgreSQL and Redis are separate processes, not counted): process CPU time from the
 * OperatingSystemMXBean, resident memory from {@code /proc/self/status} (VmRSS), and the heap left after the last
 * garbage collection (the collection usage of the heap pools) at minutes 1, 5 and 10.
 */
final class ResourceMonitor {

    private static final Path STATUS = Path.of("/proc/self/status");
    private static final int[] HEAP_MINUTES = {1, 5, 10};

    private final long startedNanos;
    private final long startCpuNanos;
    private final Map<Integer, Double> heapAfterGcMb = new TreeMap<>();
    private long maxRssKb = -1;

    ResourceMonitor() {
        this.startedNanos = System.nanoTime();
        this.startCpuNanos = processCpuNanos();
    }

    /** Samples memory; called about once a second. */
    synchronized void sample() {
        maxRssKb = Math.max(maxRssKb, rssKb());
        double minutes = (System.nanoTime() - startedNanos) / 60e9;
        for (int m : HEAP_MINUTES) {
            if (minutes >= m && !heapAfterGcMb.containsKey(m)) {
                heapAfterGcMb.put(m, heapAfterGcBytes() / 1_048_576.0);
            }
        }
    }

    synchronized Resources result() {
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        double cpu = (processCpuNanos() - startCpuNanos) / 1e9;
        long rss = rssKb();
        return new Resources(seconds, cpu, seconds > 0 ? cpu / seconds : 0, Runtime.getRuntime().availableProcessors(),
                Math.max(maxRssKb, rss) / 1024.0, rss / 1024.0, Map.copyOf(heapAfterGcMb));
    }

    static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    /** VmRSS of this process in kB, or -1 where /proc is not available. */
    static long rssKb() {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    static long heapAfterGcBytes() {
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage after = pool.getCollectionUsage();
            if (pool.getType() == MemoryType.HEAP && after != null) {
                used += after.getUsed();
            }
        }
        return used;
    }
}
