package com.alphapanda.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The API's JSON conventions (docs/api.md), checked on any document: camelCase member names, every amount and decimal
 * a string in the one amount form, no {@code null} members, no binary floating point, no exponent notation. Members
 * whose keys are data rather than names (strategy parameters, risk rule names, Kafka headers) are not name-checked.
 */
final class JsonConventions {

    static final Pattern CAMEL_CASE = Pattern.compile("[a-z][a-zA-Z0-9]*");
    /** Plain notation, at least two decimals, no trailing zero beyond them. */
    static final Pattern AMOUNT = Pattern.compile("-?(0|[1-9][0-9]*)\\.[0-9]{2}([0-9]*[1-9])?");
    private static final Pattern EXPONENT = Pattern.compile("-?[0-9.]+[eE][-+]?[0-9]+");
    /** A member holding an amount or a decimal: the word itself, or a camelCase name ending with it. */
    private static final Pattern AMOUNT_NAME = Pattern.compile(
            "(price|cash|pnl|fees|value|realized|unrealized|drift|balance|notional|strike|tickSize|amount|change"
                    + "|confidence)|.*(Price|Cash|Pnl|Fees|Value|Realized|Unrealized|Drift|DriftAbs|Balance|Notional"
                    + "|Amount|Change|Confidence)");
    /** Keys of these members are data (a parameter name, a rule name, a header), not field names. */
    private static final Set<String> DATA_MAPS = Set.of("parameters", "riskChecks", "headers", "defaults");
    /** Rates and ratios that are measurements, not amounts: plain JSON numbers. */
    static final Set<String> MEASUREMENTS = Set.of("ratePerSecond", "collectionSeconds",
            "maxTimeLagSeconds", "timeLagSeconds", "averageLag");

    private JsonConventions() {
    }

    /** Every violation in a document, as {@code path: problem}. */
    static List<String> violations(JsonNode node, Set<String> opaque) {
        List<String> found = new ArrayList<>();
        walk(node, "$", opaque, found);
        return found;
    }

    private static void walk(JsonNode node, String path, Set<String> opaque, List<String> found) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "[" + i + "]", opaque, found);
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        for (Map.Entry<String, JsonNode> member : node.properties()) {
            String name = member.getKey();
            JsonNode value = member.getValue();
            String at = path + "." + name;
            if (!CAMEL_CASE.matcher(name).matches()) {
                found.add(at + ": member name is not camelCase");
            }
            check(name, value, at, true, found);
            if (opaque.contains(name)) {
                continue;
            }
            if (DATA_MAPS.contains(name) && value.isObject()) {
                value.properties().forEach(e -> check(e.getKey(), e.getValue(), at + "." + e.getKey(), false, found));
                continue;
            }
            walk(value, at, opaque, found);
        }
    }

    /** {@code named}: the member's key is a field name (so an amount can be recognised by it), not data. */
    private static void check(String name, JsonNode value, String at, boolean named, List<String> found) {
        if (value.isNull()) {
            found.add(at + ": null member (absent values are omitted)");
        } else if (value.isFloatingPointNumber() && !MEASUREMENTS.contains(name)) {
            found.add(at + ": binary floating point number " + value + " (decimals are strings)");
        } else if (value.isString() && EXPONENT.matcher(value.asString()).matches()) {
            found.add(at + ": exponent notation " + value);
        } else if (named && AMOUNT_NAME.matcher(name).matches() && !value.isContainer()
                && !value.isBoolean() && !(value.isString() && AMOUNT.matcher(value.asString()).matches())) {
            found.add(at + ": amount " + value + " is not a string like \"990.70\"");
        }
    }
}
