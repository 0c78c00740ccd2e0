package com.alphapanda.cli;

import picocli.CommandLine.Option;

/** Where the running platform is, for commands that call its API. */
final class ApiOptions {

    @Option(names = "--url", paramLabel = "URL", defaultValue = "${env:ALPHA_PANDA_URL:-http://localhost:8080}",
            description = "Base URL of the running platform (default: $ALPHA_PANDA_URL or ${DEFAULT-VALUE}).")
    String url;

    @Option(names = "--token", paramLabel = "TOKEN", defaultValue = "${env:ALPHA_PANDA_TOKEN}",
            description = "API token (default: $ALPHA_PANDA_TOKEN).")
    String token;

    ApiClient client() {
        return new ApiClient(url, token);
    }
}
