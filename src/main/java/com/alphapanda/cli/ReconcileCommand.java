package com.alphapanda.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.UUID;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/** {@code alpha-panda reconcile ...}: PnL reconciliation of a running platform, through its API. */
@Command(name = "reconcile", mixinStandardHelpOptions = true,
        description = "Reconcile portfolios with the fills ledger; list and resolve discrepancies.",
        subcommands = {ReconcileCommand.Run.class, ReconcileCommand.List.class, ReconcileCommand.Resolve.class})
final class ReconcileCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: run, list or resolve");
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Snapshot every portfolio of a broker now and reconcile it with the ledger.")
    static final class Run extends DlqCommand.ApiCall {
        @Parameters(paramLabel = "BROKER", description = "paper or zerodha") String broker;

        @Override
        JsonNode execute(ApiClient client) {
            return client.post("/api/v1/reconciliation/" + broker + "/run", null);
        }

        @Override
        void print(JsonNode report, PrintWriter out) {
            out.printf("%-40s  %-12s  %s%n", "PORTFOLIO", "STATUS", "DRIFT (INR)");
            for (JsonNode r : report.get("results")) {
                out.printf("%-40s  %-12s  %s%n", r.get("portfolioId").asString(), r.get("status").asString(),
                        r.get("driftAbs").asString());
            }
            out.printf("%d portfolios, %d discrepancies%n", report.get("portfolios").asInt(),
                    report.get("discrepancies").asLong());
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List discrepancies, oldest first.")
    static final class List extends DlqCommand.ApiCall {
        @Option(names = "--status", defaultValue = "open", description = "open (default), resolved or all")
        String status;
        @Option(names = "--page", defaultValue = "0") int page;
        @Option(names = "--size", defaultValue = "100") int size;

        @Override
        JsonNode execute(ApiClient client) {
            Map<String, Object> q = ApiClient.query();
            q.put("status", "all".equalsIgnoreCase(status) ? null : status);
            q.put("page", page);
            q.put("size", size);
            return client.get("/api/v1/reconciliation/discrepancies", q);
        }

        @Override
        void print(JsonNode page, PrintWriter out) {
            out.printf("%-36s  %-24s  %-32s  %-16s  %-8s  %s%n", "ID", "DETECTED AT", "PORTFOLIO", "KIND", "STATUS",
                    "DRIFT (INR)");
            for (JsonNode d : page.get("items")) {
                out.printf("%-36s  %-24s  %-32s  %-16s  %-8s  %s%n", d.get("id").asString(),
                        d.get("detectedAt").asString(), d.get("portfolioId").asString(), d.get("kind").asString(),
                        d.get("status").asString(), d.path("driftAbs").asString("-"));
            }
            out.printf("%d of %d discrepancies (page %d, size %d)%n", page.get("items").size(),
                    page.get("total").asLong(), page.get("page").asInt(), page.get("size").asInt());
        }
    }

    @Command(name = "resolve", mixinStandardHelpOptions = true,
            description = "Resolve a discrepancy: rebuild the portfolio's read model from the ledger (audited).")
    static final class Resolve extends DlqCommand.ApiCall {
        @Parameters(paramLabel = "ID") UUID id;
        @Option(names = "--note", required = true, description = "Why it is resolved (kept in the audit trail).")
        String note;

        @Override
        JsonNode execute(ApiClient client) {
            return client.post("/api/v1/reconciliation/discrepancies/" + id + "/resolve", Map.of("note", note));
        }
    }
}
