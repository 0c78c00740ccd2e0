package com.alphapanda.operator;

/** An operator action that cannot be done: the target is unknown, or in a state that does not allow it. */
public final class OperatorActionRefused extends RuntimeException {

    /** Why it was refused. */
    public enum Kind {
        NOT_FOUND, CONFLICT, NOT_PUBLISHED
    }

    private final Kind kind;

    OperatorActionRefused(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
