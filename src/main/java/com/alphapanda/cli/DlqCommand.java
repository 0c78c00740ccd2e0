package com.alphapanda.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/** {@code alpha-panda dlq ...}: dead letters of a running platform, through its API. */
@Command(name = "dlq", mixinStandardHelpOptions = true, description = "List, show, replay and purge dead letters.",
        subcommands = {DlqCommand.List.class, DlqCommand.Show.class, DlqCommand.Replay.class,
                DlqCommand.ReplayBulk.class, DlqCommand.Purge.class})
final class DlqCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "missing subcommand: list, show, replay, replay-bulk or purge");
    }

    /** Runs an API call; prints the error as one line (exit 1) when it fails. */
    abstract static class ApiCall implements Callable<Integer> {
        @Mixin
        ApiOptions api;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try {
                print(execute(api.client()), spec.commandLine().getOut());
                return 0;
            } catch (ApiClient.ApiException e) {
                spec.commandLine().getErr().println("alpha-panda: error: " + e.getMessage());
                return 1;
            }
        }

        abstract JsonNode execute(ApiClient client);

        void print(JsonNode result, PrintWriter out) {
            out.println(ApiClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result));
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List dead letters, newest first: one per consumer group that failed the record.")
    static final class List extends ApiCall {
        @Option(names = "--topic", description = "Original topic.") String topic;
        @Option(names = "--group", description = "Consumer group that failed the record, e.g. "
                + "alpha-panda.portfolio-manager.ticks.") String group;
        @Option(names = "--reason", description = "Failure reason, e.g. invalid_event, max_retries_exceeded.")
        String reason;
        @Option(names = "--service", description = "Consuming service.") String service;
        @Option(names = "--status", description = "pending, replayed or purged.") String status;
        @Option(names = "--from", description = "Dead-lettered at or after (ISO-8601).") Instant from;
        @Option(names = "--to", description = "Dead-lettered before (ISO-8601).") Instant to;
        @Option(names = "--page", defaultValue = "0") int page;
        @Option(names = "--size", defaultValue = "50") int size;

        @Override
        JsonNode execute(ApiClient client) {
            Map<String, Object> q = ApiClient.query();
            q.put("topic", topic);
            q.put("group", group);
            q.put("reason", reason);
            q.put("service", service);
            q.put("status", status == null ? null : status.toUpperCase(java.util.Locale.ROOT));
            q.put("from", from);
            q.put("to", to);
            q.put("page", page);
            q.put("size", size);
            return client.get("/api/v1/dlq", q);
        }

        @Override
        void print(JsonNode page, PrintWriter out) {
            out.printf("%-36s  %-24s  %-28s  %-22s  %-40s  %-8s  %s%n", "ID", "DEAD-LETTERED AT", "TOPIC", "REASON",
                    "GROUP", "STATUS", "REPLAYS");
            for (JsonNode d : page.get("items")) {
                out.printf("%-36s  %-24s  %-28s  %-22s  %-40s  %-8s  %d%n", d.get("id").asString(),
                        d.get("deadLetteredAt").asString(), d.get("originalTopic").asString(),
                        d.get("reason").asString(), d.path("consumerGroup").asString("-"),
                        d.get("status").asString().toLowerCase(java.util.Locale.ROOT), d.get("replayCount").asInt());
            }
            out.printf("%d of %d (page %d, size %d)%n", page.get("items").size(), page.get("total").asLong(),
                    page.get("page").asInt(), page.get("size").asInt());
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show one dead letter, decoded.")
    static final class Show extends ApiCall {
        @Parameters(paramLabel = "ID") java.util.UUID id;

        @Override
        JsonNode execute(ApiClient client) {
            return client.get("/api/v1/dlq/" + id, null);
        }
    }

    @Command(name = "replay", mixinStandardHelpOptions = true,
            description = "Republish one dead letter to its original topic, for the consumer group that failed it "
                    + "only (every other group reading the topic skips it).")
    static final class Replay extends ApiCall {
        @Parameters(paramLabel = "ID") java.util.UUID id;

        @Override
        JsonNode execute(ApiClient client) {
            return client.post("/api/v1/dlq/" + id + "/replay", null);
        }

        @Override
        void print(JsonNode replayed, PrintWriter out) {
            JsonNode group = replayed.get("consumerGroup");
            out.printf("replayed %s to %s for %s (replay %d)%n", replayed.get("id").asString(),
                    replayed.get("originalTopic").asString(), group == null || group.isNull()
                            ? "every consumer group (the dead letter names none)" : "consumer group " + group.asString(),
                    replayed.get("replayCount").asInt());
        }
    }

    @Command(name = "replay-bulk", mixinStandardHelpOptions = true,
            description = "Replay every pending dead letter of a topic in a time range, each for the consumer group "
                    + "that failed it. A dry run unless --execute.")
    static final class ReplayBulk extends ApiCall {
        @Option(names = "--topic", required = true) String topic;
        @Option(names = "--group", description = "Only the dead letters of this consumer group (default: every group)")
        String group;
        @Option(names = "--from", required = true, description = "ISO-8601") Instant from;
        @Option(names = "--to", required = true, description = "ISO-8601") Instant to;
        @Option(names = "--reason") String reason;
        @Option(names = "--execute", description = "Really replay (default: only say what would be replayed).")
        boolean execute;

        @Override
        JsonNode execute(ApiClient client) {
            Map<String, Object> body = ApiClient.query();
            body.put("topic", topic);
            body.put("group", group);
            body.put("from", from.toString());
            body.put("to", to.toString());
            body.put("reason", reason);
            body.put("dryRun", !execute);
            return client.post("/api/v1/dlq/replay", body);
        }
    }

    @Command(name = "purge", mixinStandardHelpOptions = true,
            description = "Delete dead letters older than a time from Kafka and mark them purged.")
    static final class Purge extends ApiCall {
        @Option(names = "--older-than", required = true, description = "ISO-8601, in the past") Instant olderThan;

        @Override
        JsonNode execute(ApiClient client) {
            return client.post("/api/v1/dlq/purge", Map.of("olderThan", olderThan.toString()));
        }
    }
}
