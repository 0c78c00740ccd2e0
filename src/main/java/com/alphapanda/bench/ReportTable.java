package com.alphapanda.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The report as Markdown tables, the way PERFORMANCE.md shows them. */
public final class ReportTable {

    private ReportTable() {
    }

    public static List<String> lines(BenchReport r) {
        List<String> out = new ArrayList<>();
        BenchReport.Setup s = r.setup();
        out.add(f("Alpha Panda bench: %s, %d instruments × %d strategies (%s), %.0f s under load; Kafka %s; JDK %s, "
                        + "%d cores; platform started in %.1f s", s.mode(), s.instruments(), s.strategies().size(),
                String.join(", ", s.strategies()), s.durationSeconds(), s.kafka(), s.jdk(), s.cores(),
                s.startupSeconds()));
        out.add("");
        steps(r, out);
        out.add("");
        throughput(r, out);
        out.add("");
        latencies(r, out);
        out.add("");
        backlogAndResources(r, out);
        return out;
    }

    private static void steps(BenchReport r, List<String> out) {
        out.add("| Step | Target ticks/s | Achieved ticks/s | Seconds | Worst group time lag | Group | Sustained |");
        out.add("|---|---|---|---|---|---|---|");
        int i = 1;
        for (StepResult st : r.steps()) {
            out.add(f("| %d | %,d | %,.0f | %.1f | %s | %s | %s |", i++, st.targetRate(), st.achievedRate(),
                    st.seconds(), st.lagSamples() == 0 ? "not measured" : f("%,.0f ms", st.worstLagMs()),
                    st.worstGroup().isEmpty() ? "–" : st.worstGroup(), st.sustained() ? "yes" : "no"));
        }
    }

    private static void throughput(BenchReport r, List<String> out) {
        BenchReport.BaselineResult b = r.baseline();
        out.add("| Throughput | Pipeline | Baseline (same broker, same run) | Ratio |");
        out.add("|---|---|---|---|");
        out.add(f("| sustained ticks/s end to end (every group's time lag < 1 s) | %s | %,.0f records/s produced "
                        + "(%d B each) | %s |", r.sustainedRate() > 0 ? f("%,.0f", r.sustainedRate()) : "none",
                b.produceRecordsPerSecond(), b.recordBytes(), ratio(r.ratios().sustainedToProduce())));
        if (r.backlog() != null) {
            BenchReport.BacklogResult bl = r.backlog();
            out.add(f("| portfolio manager, backlog of %,d fills | %,.0f fills/s (%,d applied in %.1f s%s) | | |",
                    bl.fills(), bl.fillsPerSecond(), bl.applied(), bl.seconds(), bl.complete() ? "" : ", timed out"));
        }
    }

    private static void latencies(BenchReport r, List<String> out) {
        StepResult m = r.measuredStep();
        out.add(f("Latency in ms at %,.0f ticks/s (step target %,d)%s:", m.achievedRate(), m.targetRate(),
                m.sustained() ? "" : ", NOT sustained: queues grew, so these include waiting in them"));
        out.add("");
        out.add("| Stage | Count | p50 | p90 | p99 | p99.9 | Max |");
        out.add("|---|---|---|---|---|---|---|");
        for (Map.Entry<String, LatencyStats> e : r.latencies().entrySet()) {
            out.add(row(e.getKey(), e.getValue()));
        }
        BenchReport.BaselineResult b = r.baseline();
        out.add(row(f("baseline: one hop produce → read_committed consume at %,d records/s", b.hopRate()), b.hop()));
        BenchReport.Ratios x = r.ratios();
        out.add("");
        out.add(f("tick → fill / baseline hop: p50 ×%s, p99 ×%s; bound 1.5 × 3 hops' p99 = %.2f ms: %s",
                ratio(x.tickToFillP50ToHopP50()), ratio(x.tickToFillP99ToHopP99()), x.tickToFillP99Bound(),
                x.tickToFillP99WithinBound() ? "met" : "missed"));
        EventCounts c = r.counts();
        out.add(f("Events in the measured step: %,d ticks (%,d failed sends), %,d raw signals, %,d validated, "
                        + "%,d rejected, %,d fills, %,d failed orders", c.ticks(), c.tickSendFailures(), c.rawSignals(),
                c.validatedSignals(), c.rejectedSignals(), c.fills(), c.failedOrders()));
    }

    private static void backlogAndResources(BenchReport r, List<String> out) {
        Resources res = r.resources();
        StringBuilder heap = new StringBuilder();
        res.heapAfterGcMbAtMinute().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> heap.append(f(", minute %d: %.0f MB", e.getKey(), e.getValue())));
        out.add(f("Resources of the JVM (platform + embedded Kafka + bench) over %.0f s under load: %.1f CPU s "
                        + "(%.2f of %d cores), RSS max %.0f MB, at the end %.0f MB; heap after GC%s",
                res.wallSeconds(), res.cpuSeconds(), res.averageCores(), res.availableCores(), res.maxRssMb(),
                res.endRssMb(), heap.isEmpty() ? ": (runs shorter than 1 minute)" : heap.substring(1)));
    }

    private static String row(String name, LatencyStats l) {
        if (l.isEmpty()) {
            return f("| %s | 0 | – | – | – | – | – |", name);
        }
        return f("| %s | %,d | %.2f | %.2f | %.2f | %.2f | %.2f |", name, l.count(), l.p50(), l.p90(), l.p99(),
                l.p999(), l.max());
    }

    private static String ratio(double v) {
        return Double.isNaN(v) ? "–" : v < 0.01 ? f("%.4f", v) : f("%.2f", v);
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
