package com.alphapanda.api;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What an API token may do: {@code viewer} reads; {@code operator} also acts; {@code admin} also manages. */
public enum ApiRole {
    VIEWER, OPERATOR, ADMIN;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The Spring Security authority of this role. */
    public String authority() {
        return "ROLE_" + name();
    }

    public static ApiRole fromId(String id) {
        return Arrays.stream(values()).filter(r -> r.id().equalsIgnoreCase(id == null ? "" : id.trim())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown role '" + id + "' (allowed: "
                        + Arrays.stream(values()).map(ApiRole::id).collect(Collectors.joining(", ")) + ")"));
    }
}
