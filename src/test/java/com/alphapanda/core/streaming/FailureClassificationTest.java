package com.alphapanda.core.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphapanda.core.event.EventDecodingException;
import com.alphapanda.core.event.UnknownEventTypeException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

class FailureClassificationTest {

    @Test
    void invalidEventsArePermanentEvenWhenWrapped() {
        var wrapped = new ListenerExecutionFailedException("listener failed", new UnknownEventTypeException("x"));
        assertThat(FailureClassification.reasonOf(wrapped)).isEqualTo("invalid_event");
        assertThat(FailureClassification.reasonOf(new EventDecodingException("bad"))).isEqualTo("invalid_event");
    }

    @Test
    void constraintViolationsValidationAndIllegalStateArePermanent() {
        assertThat(FailureClassification.reasonOf(new DataIntegrityViolationException("dup")))
                .isEqualTo("constraint_violation");
        assertThat(FailureClassification.reasonOf(new IllegalArgumentException("bad")))
                .isEqualTo("validation_failed");
        assertThat(FailureClassification.reasonOf(new IllegalStateException("bad"))).isEqualTo("illegal_state");
        assertThat(FailureClassification.isPermanent(new NullPointerException())).isTrue();
    }

    @Test
    void infrastructureFailuresAreTransient() {
        assertThat(FailureClassification.reasonOf(new TransientDataAccessResourceException("db down")))
                .isEqualTo(FailureClassification.MAX_RETRIES_EXCEEDED);
        assertThat(FailureClassification.isPermanent(new UncheckedIOException(new SocketTimeoutException()))).isFalse();
        assertThat(FailureClassification.isPermanent(new RuntimeException(new IOException("reset")))).isFalse();
    }
}
