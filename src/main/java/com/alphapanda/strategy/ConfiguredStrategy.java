package com.alphapanda.strategy;

import java.util.List;

/** A strategy built from its configuration, with its validator and any notes for the operator (e.g. no model). */
record ConfiguredStrategy(Strategy<?> strategy, SignalValidator validator, List<String> notes) {

    ConfiguredStrategy {
        notes = List.copyOf(notes);
    }
}
