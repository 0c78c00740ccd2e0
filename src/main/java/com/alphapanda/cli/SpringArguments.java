package com.alphapanda.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * Arguments passed through to Spring as properties ({@code --name=value}). Anything else left over is a usage error,
 * so a typo never starts the platform with a setting silently ignored. Given twice, the last value wins.
 */
final class SpringArguments {

    private static final Pattern PROPERTY = Pattern.compile("--[a-zA-Z][a-zA-Z0-9-]*(\\.[a-zA-Z0-9\\[\\]_-]+)+=.*");

    private SpringArguments() {
    }

    /** The property arguments; a property given more than once keeps its last value (as with most CLIs). */
    static List<String> check(CommandLine commandLine, List<String> unmatched) {
        Map<String, String> properties = new LinkedHashMap<>();
        for (String arg : unmatched == null ? List.<String>of() : unmatched) {
            if (!PROPERTY.matcher(arg).matches()) {
                throw new CommandLine.UnmatchedArgumentException(commandLine, List.of(arg));
            }
            String name = arg.substring(0, arg.indexOf('='));
            properties.remove(name);
            properties.put(name, arg);
        }
        return new ArrayList<>(properties.values());
    }
}
