package com.alphapanda.embedded;

import org.apache.kafka.common.utils.Exit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kafka server classes end the JVM on a fatal broker error ({@code Exit.exit}/{@code Exit.halt}). Embedded in the
 * platform that would kill the whole application without a word; instead the error is logged and thrown, the broker
 * stops, and the Kafka health check reports it DOWN.
 */
final class KafkaExits {

    private static final Logger log = LoggerFactory.getLogger(KafkaExits.class);

    private KafkaExits() {
    }

    static void neverKillTheJvm() {
        Exit.setExitProcedure((code, message) -> refuse("exit", code, message));
        Exit.setHaltProcedure((code, message) -> refuse("halt", code, message));
    }

    private static void refuse(String what, int code, String message) {
        log.error("Embedded Kafka asked to {} the JVM with status {}: {}", what, code, message);
        throw new IllegalStateException("embedded Kafka failed fatally (" + what + " " + code + "): " + message);
    }
}
