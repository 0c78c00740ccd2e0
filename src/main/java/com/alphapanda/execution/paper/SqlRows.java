package com.alphapanda.execution.paper;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * The rows of one multi-row statement ({@code VALUES (...), (...)}) and their positional parameters, so that a pass
 * of the venue writes each table in one round trip (a copy of the portfolio's, whose is package-private).
 */
final class SqlRows {

    private final String row;
    private final List<Object> parameters = new ArrayList<>();
    private int count;

    /** {@code columnTypes}: the SQL type of each column, e.g. {@code text, numeric, bigint}. */
    SqlRows(String... columnTypes) {
        StringJoiner joiner = new StringJoiner(", ", "(", ")");
        for (String type : columnTypes) {
            joiner.add("?::" + type);
        }
        this.row = joiner.toString();
    }

    SqlRows add(Object... values) {
        parameters.addAll(java.util.Arrays.asList(values));
        count++;
        return this;
    }

    boolean isEmpty() {
        return count == 0;
    }

    /** {@code (?::t, ...), (?::t, ...)}: one group per row added. */
    String values() {
        StringJoiner joiner = new StringJoiner(", ");
        for (int i = 0; i < count; i++) {
            joiner.add(row);
        }
        return joiner.toString();
    }

    List<Object> parameters() {
        return parameters;
    }
}
