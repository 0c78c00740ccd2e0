package com.alphapanda.core.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * The rows of one multi-row statement ({@code VALUES (...), (...)}) and their positional parameters, so that a batch
 * stage writes each table in one round trip (the fills ledger, the paper venue, the order view, the marks).
 */
public final class SqlRows {

    private final String row;
    private final List<Object> parameters = new ArrayList<>();
    private int count;

    /** {@code columnTypes}: the SQL type of each column, e.g. {@code text, numeric, bigint}. */
    public SqlRows(String... columnTypes) {
        StringJoiner joiner = new StringJoiner(", ", "(", ")");
        for (String type : columnTypes) {
            joiner.add("?::" + type);
        }
        this.row = joiner.toString();
    }

    public SqlRows add(Object... values) {
        parameters.addAll(java.util.Arrays.asList(values));
        count++;
        return this;
    }

    public boolean isEmpty() {
        return count == 0;
    }

    /** {@code (?::t, ...), (?::t, ...)}: one group per row added. */
    public String values() {
        StringJoiner joiner = new StringJoiner(", ");
        for (int i = 0; i < count; i++) {
            joiner.add(row);
        }
        return joiner.toString();
    }

    public List<Object> parameters() {
        return parameters;
    }
}
