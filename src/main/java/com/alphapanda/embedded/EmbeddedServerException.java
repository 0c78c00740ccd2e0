package com.alphapanda.embedded;

/** An embedded server could not be started. */
public class EmbeddedServerException extends RuntimeException {

    private final String server;

    EmbeddedServerException(String server, Throwable cause) {
        super("embedded " + server + " could not start: " + rootMessage(cause), cause);
        this.server = server;
    }

    public String server() {
        return server;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
