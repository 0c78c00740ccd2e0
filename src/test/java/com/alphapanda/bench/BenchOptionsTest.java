package com.alphapanda.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    private static BenchOptions options(int rate, boolean findMax, Duration duration, Duration step) {
        return new BenchOptions(20, BenchOptions.STRATEGY_TYPES, rate, findMax, duration, step, Duration.ofSeconds(5),
                Duration.ofSeconds(5), 1000, null);
    }

    @Test
    void acceptsTheBoundsOfEveryValue() {
        assertThat(options(1, false, Duration.ofSeconds(1), Duration.ofSeconds(2)).rate()).isEqualTo(1);
        assertThat(options(1_000_000, true, Duration.ofHours(1), Duration.ofHours(1)).duration())
                .isEqualTo(Duration.ofHours(1));
    }

    @Test
    void refusesARateAboveAMillion() {
        assertThatThrownBy(() -> options(1_000_001, false, Duration.ofSeconds(30), Duration.ofSeconds(10)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--rate");
    }

    @Test
    void refusesAnEmptyListOfStrategies() {
        assertThatThrownBy(() -> new BenchOptions(20, List.of(), 10, false, Duration.ofSeconds(30),
                Duration.ofSeconds(10), Duration.ZERO, Duration.ofSeconds(5), 0, null))
                .hasMessageContaining("at least one of");
    }

    @Test
    void stepMayExceedTheDurationOnlyAtAFixedRate() {
        assertThat(options(10, false, Duration.ofSeconds(5), Duration.ofSeconds(10)).findMax()).isFalse();
        assertThatThrownBy(() -> options(10, true, Duration.ofSeconds(5), Duration.ofSeconds(10)))
                .hasMessageContaining("--step 10s is longer than --duration 5s");
    }

    @Test
    void durationsHaveAUnit() {
        assertThat(DurationArgument.parse("--d", "500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(DurationArgument.parse("--d", "30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(DurationArgument.parse("--d", "2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(DurationArgument.parse("--d", "1h")).isEqualTo(Duration.ofHours(1));
        assertThatThrownBy(() -> DurationArgument.parse("--d", "1.5s")).hasMessageContaining("invalid duration");
        assertThatThrownBy(() -> DurationArgument.parse("--d", "")).hasMessageContaining("invalid duration");
        assertThat(DurationArgument.format(Duration.ofSeconds(90))).isEqualTo("90s");
        assertThat(DurationArgument.format(Duration.ofMinutes(10))).isEqualTo("10m");
    }
}
