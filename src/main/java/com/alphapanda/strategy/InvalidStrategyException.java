package com.alphapanda.strategy;

import java.util.List;

/**
 * A strategy configuration that cannot be used: unknown type, invalid or unknown parameters. The message lists every
 * problem and what is allowed. Only this strategy is rejected; the others run.
 */
public class InvalidStrategyException extends IllegalArgumentException {

    private final List<String> problems;

    public InvalidStrategyException(String strategyId, List<String> problems) {
        super("strategy '" + strategyId + "' rejected: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
