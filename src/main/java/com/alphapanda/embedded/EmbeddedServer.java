package com.alphapanda.embedded;

import java.util.Map;

/** One running embedded server. */
interface EmbeddedServer extends AutoCloseable {

    /** A short name: kafka, postgres, redis. */
    String name();

    /** The Spring properties that point the application at this server. */
    Map<String, Object> connectionProperties();

    /** Where it listens and keeps its data, for the start-up banner and {@code /actuator/info}. */
    Map<String, Object> describe();

    @Override
    void close();
}
