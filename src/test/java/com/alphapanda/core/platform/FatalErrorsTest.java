package com.alphapanda.core.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FatalErrorsTest {

    @Test
    void anOutOfMemoryErrorAloneOrAsACauseIsFatalAndOrdinaryFailuresAreNot() {
        assertThat(FatalErrors.isFatal(new OutOfMemoryError("Java heap space"))).isTrue();
        assertThat(FatalErrors.isFatal(new IllegalStateException("listener failed",
                new RuntimeException(new OutOfMemoryError())))).isTrue();
        assertThat(FatalErrors.isFatal(new StackOverflowError())).isTrue();
        assertThat(FatalErrors.isFatal(new IllegalStateException("boom"))).isFalse();
        assertThat(FatalErrors.isFatal(new AssertionError("not a JVM error"))).isFalse();
    }
}
