package com.alphapanda.core.platform;

/**
 * A configuration value is not acceptable. Its message is the one line a user sees: the property, the bad value and
 * what is allowed.
 */
public class InvalidConfigurationException extends RuntimeException {

    private final String property;
    private final String value;
    private final String allowed;

    public InvalidConfigurationException(String property, String value, String allowed) {
        super("invalid configuration: " + property + "=" + quote(value) + " is not allowed; expected " + allowed);
        this.property = property;
        this.value = value;
        this.allowed = allowed;
    }

    public String property() {
        return property;
    }

    public String value() {
        return value;
    }

    public String allowed() {
        return allowed;
    }

    private static String quote(String value) {
        return value == null ? "(empty)" : "'" + value + "'";
    }
}
