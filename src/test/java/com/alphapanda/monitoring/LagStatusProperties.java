package com.alphapanda.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

class LagStatusProperties {

    private static final Instant T0 = Instant.parse("2026-11-26T05:00:00Z");

    private static PartitionWindow window(List<Long> committed, List<Long> lags) {
        PartitionWindow window = new PartitionWindow(10);
        for (int i = 0; i < Math.min(committed.size(), lags.size()); i++) {
            window.add(new OffsetSample(T0.plusSeconds(30L * i), committed.get(i), lags.get(i)));
        }
        return window;
    }

    @Property
    void aPartitionWithoutLagNowIsAlwaysOk(@ForAll @Size(min = 1, max = 15) List<@LongRange(max = 1_000_000) Long> committed,
                                           @ForAll @Size(min = 15, max = 15) List<@LongRange(max = 1000) Long> lags) {
        PartitionWindow window = window(committed, lags);
        window.add(new OffsetSample(T0.plusSeconds(3600), committed.getLast(), 0));
        assertThat(LagStatusRules.evaluate(window, Duration.ofMinutes(5))).isEqualTo(LagStatus.OK);
    }

    @Property
    void aCommittedOffsetBelowAnEarlierOneInTheWindowIsRewindWhileLagging(
            @ForAll @LongRange(min = 1, max = 1_000_000) long high, @ForAll @IntRange(min = 1, max = 1000) int back,
            @ForAll @LongRange(min = 1, max = 1000) long lag) {
        PartitionWindow window = window(List.of(high, Math.max(0, high - back)), List.of(lag, lag + back));
        assertThat(LagStatusRules.evaluate(window, Duration.ofMinutes(5))).isEqualTo(LagStatus.REWIND);
    }
}
