package com.alphapanda.cli;

import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/**
 * {@code alpha-panda orders cancel|flatten ...}: operator actions of a running platform, through its API (operator
 * token). They are events on Kafka: the command prints what was sent; the results show in {@code /api/v1/orders}.
 */
@Command(name = "orders", mixinStandardHelpOptions = true,
        description = "Operator actions: cancel a working order; flatten a position, a strategy or a whole broker.",
        subcommands = {OrdersCommand.Cancel.class, OrdersCommand.Flatten.class})
final class OrdersCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: cancel or flatten");
    }

    @Command(name = "cancel", mixinStandardHelpOptions = true,
            description = "Cancel an open or partially filled order (the venue ends it with CANCELLED).")
    static final class Cancel extends DlqCommand.ApiCall {
        @Parameters(paramLabel = "ORDER_ID") String orderId;
        @Option(names = "--broker", defaultValue = "paper", description = "paper (default) or zerodha") String broker;
        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why (recorded).")
        String reason;

        @Override
        JsonNode execute(ApiClient client) {
            return client.post("/api/v1/orders/" + segment(broker) + "/" + segment(orderId) + "/cancel",
                    Map.of("reason", reason));
        }

        @Override
        void print(JsonNode outcome, PrintWriter out) {
            printOutcome(outcome, out);
        }
    }

    @Command(name = "flatten", mixinStandardHelpOptions = true,
            description = {"Close positions with market orders, judged by the risk manager and marked as yours.",
                    "  --strategy S --instrument T: one position; --strategy S: the strategy (its working orders "
                            + "are cancelled too); --all: every strategy of the broker."})
    static final class Flatten extends DlqCommand.ApiCall {
        @Option(names = "--broker", defaultValue = "paper", description = "paper (default) or zerodha") String broker;
        @Option(names = "--strategy", paramLabel = "ID") String strategy;
        @Option(names = "--instrument", paramLabel = "TOKEN") Long instrument;
        @Option(names = "--all", description = "Flatten every strategy of the broker.") boolean all;
        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why (recorded).")
        String reason;

        @Override
        JsonNode execute(ApiClient client) {
            return client.post(path(), Map.of("reason", reason));
        }

        private String path() {
            String base = "/api/v1/portfolios/" + segment(broker);
            if (all == (strategy != null)) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "give either --strategy ID (with --instrument TOKEN for one position) or --all");
            }
            if (all) {
                if (instrument != null) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "--instrument needs --strategy");
                }
                return base + "/flatten";
            }
            return instrument == null ? base + "/" + segment(strategy) + "/flatten"
                    : base + "/" + segment(strategy) + "/positions/" + instrument + "/flatten";
        }

        @Override
        void print(JsonNode outcome, PrintWriter out) {
            printOutcome(outcome, out);
        }
    }

    static void printOutcome(JsonNode outcome, PrintWriter out) {
        for (JsonNode c : outcome.get("cancels")) {
            out.printf("cancel   order %s (%s, instrument %s)  event %s%n", c.get("orderId").asString(),
                    c.get("strategyId").asString(), c.get("instrumentToken").asString(), c.get("eventId").asString());
        }
        for (JsonNode c : outcome.get("closes")) {
            out.printf("close    %s %d of instrument %s (%s)  signal %s%n", c.get("side").asString(),
                    c.get("quantity").asLong(), c.get("instrumentToken").asString(), c.get("strategyId").asString(),
                    c.get("eventId").asString());
        }
        out.printf("%s by %s: %d cancel(s), %d closing signal(s) sent; results: orders list (GET /api/v1/orders)%n",
                outcome.get("action").asString(), outcome.get("requestedBy").asString(),
                outcome.get("cancels").size(), outcome.get("closes").size());
    }

    private static String segment(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
