package com.alphapanda.api;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one shape of an API error: an RFC 9457 problem detail with {@code type} ({@code about:blank}: the status says
 * what kind of error it is), {@code title} (the status phrase), {@code status}, {@code detail} (what was wrong, in
 * words, never a Java type name) and {@code instance} (the path), written as UTF-8 {@code application/problem+json}.
 */
final class Problems {

    static final URI TYPE = URI.create("about:blank");
    static final String CONTENT_TYPE = "application/problem+json;charset=UTF-8";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern QUALIFIED_TYPE = Pattern.compile(
            "`?\\b(?:[a-z][a-z0-9_]*\\.)+([A-Z][A-Za-z0-9_$]*)(?:<[^>`]*>)?`?");
    private static final Map<String, String> FRIENDLY = Map.ofEntries(
            Map.entry("String", "text"), Map.entry("Integer", "whole number"), Map.entry("int", "whole number"),
            Map.entry("Long", "whole number"), Map.entry("long", "whole number"), Map.entry("BigDecimal", "decimal"),
            Map.entry("Boolean", "true or false"), Map.entry("UUID", "UUID"),
            Map.entry("Instant", "ISO-8601 instant"), Map.entry("Duration", "duration"),
            Map.entry("LocalDate", "ISO-8601 date"), Map.entry("Map", "object"), Map.entry("List", "array"),
            Map.entry("LinkedHashMap", "object"), Map.entry("ArrayList", "array"), Map.entry("Money", "decimal"),
            Map.entry("Price", "positive decimal"), Map.entry("Quantity", "whole number"),
            Map.entry("boolean", "true or false"), Map.entry("Double", "number"), Map.entry("double", "number"));

    private Problems() {
    }

    static ProblemDetail of(HttpStatusCode status, String detail, String path) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        return complete(problem, detail, path);
    }

    /** Fills what is missing (type, title, instance) and cleans the detail. */
    static ProblemDetail complete(ProblemDetail problem, String detail, String path) {
        problem.setType(problem.getType() == null ? TYPE : problem.getType());
        HttpStatus known = HttpStatus.resolve(problem.getStatus());
        if (problem.getTitle() == null) {
            problem.setTitle(known == null ? "Error " + problem.getStatus() : known.getReasonPhrase());
        }
        String cleaned = clean(detail == null ? problem.getDetail() : detail);
        problem.setDetail(cleaned == null ? problem.getTitle() : cleaned);
        if (problem.getInstance() == null && path != null) {
            problem.setInstance(safeUri(path));
        }
        return problem;
    }

    /** The JSON of a problem, without {@code null} members, for writers outside Spring MVC. */
    static String json(ProblemDetail problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (problem.getInstance() != null) {
            body.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            problem.getProperties().forEach((k, v) -> {
                if (v != null) {
                    body.putIfAbsent(k, v);
                }
            });
        }
        return JSON.writeValueAsString(body);
    }

    /** Replaces Java type names (`java.time.Instant`, com.alphapanda.X) by words a client understands. */
    static String clean(String detail) {
        if (detail == null) {
            return null;
        }
        String withoutExceptions = detail.replaceAll("\\s*\\((?:java|jakarta|tools|com|org)\\.[^)]*\\)", "");
        Matcher matcher = QUALIFIED_TYPE.matcher(withoutExceptions);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(
                    FRIENDLY.getOrDefault(matcher.group(1), "value")));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** A type as a client knows it: "ISO-8601 instant", "whole number", "one of a, b" for an enum. */
    static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.stream(type.getEnumConstants())
                    .map(e -> ((Enum<?>) e).name().toLowerCase(java.util.Locale.ROOT))
                    .collect(java.util.stream.Collectors.joining(", "));
        }
        String name = type.getSimpleName();
        return FRIENDLY.getOrDefault(name, type.isRecord() || name.isEmpty() ? "an object" : name.toLowerCase(
                java.util.Locale.ROOT));
    }

    private static URI safeUri(String path) {
        try {
            return URI.create(path);
        } catch (IllegalArgumentException e) {
            return null; // a path Tomcat refused may not be a valid URI: leave instance out
        }
    }
}
