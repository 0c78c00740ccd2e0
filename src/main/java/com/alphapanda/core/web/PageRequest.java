package com.alphapanda.core.web;

/**
 * The page a list request asks for: {@code page} from 0, {@code size} from 1 to {@value #MAX_SIZE} (default
 * {@value #DEFAULT_SIZE}). Parsed from the query parameters of the same names; anything else is refused with a message
 * naming the parameter.
 */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;
    public static final int MAX_PAGE = 1_000_000;

    public PageRequest {
        if (page < 0 || page > MAX_PAGE) {
            throw new IllegalArgumentException("page must be a whole number from 0 to " + MAX_PAGE + ", was " + page);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be a whole number from 1 to " + MAX_SIZE + ", was " + size);
        }
    }

    /** From the query parameters (null: the default). */
    public static PageRequest parse(String page, String size) {
        return new PageRequest(number("page", page, 0, MAX_PAGE, 0), number("size", size, 1, MAX_SIZE, DEFAULT_SIZE));
    }

    public long offset() {
        return (long) page * size;
    }

    private static int number(String name, String value, int min, int max, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " must be a whole number from " + min + " to " + max + ", was '"
                + value + "'");
    }
}
