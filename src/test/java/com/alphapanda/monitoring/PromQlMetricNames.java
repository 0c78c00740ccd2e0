package com.alphapanda.monitoring;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a PromQL expression reads: identifiers that are not functions, aggregations, keywords, label
 * names in grouping clauses, label matchers, durations or Grafana variables.
 */
final class PromQlMetricNames {

    private static final Pattern STRINGS = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");
    private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");
    private static final Pattern GROUPING = Pattern.compile(
            "\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern RANGES = Pattern.compile("\\[[^]]*]");
    private static final Pattern VARIABLES = Pattern.compile("\\$\\{[^}]*}|\\$\\w+");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*(?=\\s*(\\()?)");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "inf", "nan", "by",
            "without", "on", "ignoring", "group_left", "group_right");

    private PromQlMetricNames() {
    }

    static Set<String> of(String expression) {
        String e = STRINGS.matcher(expression).replaceAll("\"\"");
        e = MATCHERS.matcher(e).replaceAll(" ");
        e = GROUPING.matcher(e).replaceAll(" ");
        e = RANGES.matcher(e).replaceAll(" ");
        e = VARIABLES.matcher(e).replaceAll(" ");
        Set<String> names = new TreeSet<>();
        Matcher m = IDENTIFIER.matcher(e);
        while (m.find()) {
            boolean preceededByDigit = m.start() > 0 && Character.isDigit(e.charAt(m.start() - 1));
            if (m.group(1) == null && !KEYWORDS.contains(m.group().toLowerCase()) && !preceededByDigit) {
                names.add(m.group());
            }
        }
        return names;
    }

    /** The metric of a Grafana {@code label_values(metric, label)} variable query. */
    static Set<String> ofLabelValues(String query) {
        Matcher m = Pattern.compile("label_values\\(\\s*([a-zA-Z_:][a-zA-Z0-9_:]*)").matcher(query);
        return m.find() ? Set.of(m.group(1)) : Set.of();
    }
}
