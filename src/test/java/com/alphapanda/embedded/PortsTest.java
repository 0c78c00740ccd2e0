package com.alphapanda.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.RepeatedTest;

class PortsTest {

    @RepeatedTest(20)
    void allocatesDistinctFreePortsForEveryZeroAndKeepsConfiguredOnes() {
        int[] ports = Ports.allocate(0, 0, 5432, 0, 0);

        assertThat(ports[2]).isEqualTo(5432);
        assertThat(Arrays.stream(ports).distinct().count()).isEqualTo(5);
        assertThat(Arrays.stream(ports)).allSatisfy(p -> assertThat(p).isBetween(1, 65535));
    }
}
