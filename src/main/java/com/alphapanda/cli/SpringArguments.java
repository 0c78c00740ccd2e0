package com.alphapanda.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * Arguments passed through to Spring as properties ({@code --name=value}). Anything else left over is a usage error,
 * so a typo never starts the platform with a setting silently ignored.
 */
final class SpringArguments {

    private static final Pattern PROPERTY = Pattern.compile("--[a-zA-Z][a-zA-Z0-9-]*(\\.[a-zA-Z0-9\\[\\]_-]+)+=.*");

    private SpringArguments() {
    }

    static List<String> check(CommandLine commandLine, List<String> unmatched) {
        List<String> properties = new ArrayList<>();
        for (String arg : unmatched == null ? List.<String>of() : unmatched) {
            if (!PROPERTY.matcher(arg).matches()) {
                throw new CommandLine.UnmatchedArgumentException(commandLine, List.of(arg));
            }
            properties.add(arg);
        }
        return properties;
    }
}
