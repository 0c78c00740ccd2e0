package com.alphapanda.core.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ListenerAssignmentsTest {

    @Test
    void theGroupInstanceIdIsTheInstanceAndListenerIdInCharactersKafkaAccepts() {
        assertThat(ListenerAssignments.groupInstanceId("host-1", "risk-manager.signals"))
                .isEqualTo("host-1.risk-manager.signals");
        assertThat(ListenerAssignments.groupInstanceId("host 1", "org.springframework.kafka.KafkaListenerEndpointContainer#0"))
                .isEqualTo("host_1.org.springframework.kafka.KafkaListenerEndpointContainer_0");
    }
}
