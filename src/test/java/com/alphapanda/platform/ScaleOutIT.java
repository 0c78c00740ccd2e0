package com.alphapanda.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.alphapanda.embedded.PlatformInstance;
import com.alphapanda.embedded.SharedServers;
import com.alphapanda.platform.ScaleOutRun.Integrity;
import com.alphapanda.platform.ScaleOutRun.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13's acceptance: the replayed day of {@link ScaleOutDay} (four instruments, three strategies sharing them and
 * an external one with resting limit, stop and stop-limit orders; BUYs, SELLs, brackets exiting by take-profit and by
 * stop-loss, refused SELLs, an IOC that fails, orders expiring at the close) ends exactly the same on three instances
 * that are disrupted mid-stream as on one undisturbed instance: same fills (side, quantity, price, fees, realized
 * PnL, event time), positions, cash, realized PnL, fees, orders, risk decisions and snapshot due times.
 *
 * <p>The reference is one instance running every service. The scaled-out run has a front (replay feed, API,
 * monitoring, reconciliation) and two workers, all three running strategies, risk, portfolio and the paper venue; once
 * the day is trading, the second worker is killed with SIGKILL, then the first worker is stopped and started again
 * (each forcing rebalances of every shared group), then one Kafka broker of the three is stopped for the rest of the
 * run (replication 3, min ISR 2). In each run, the ledger has one row per fill and the account's fill count, every
 * fill published is in the ledger, no order id is submitted by two different events and each snapshot due time is
 * stored once per portfolio. The instances' logs stay in {@code target/scale-out-it/<start time>/}.
 */
class ScaleOutIT {

    private static final Duration START = Duration.ofSeconds(180);
    private static final List<String> SHARED_GROUPS = List.of("alpha-panda.strategy-runner.ticks",
            "alpha-panda.risk-manager.signals", "alpha-panda.paper-trading.signals",
            "alpha-panda.portfolio-manager.orders");

    @TempDir
    Path dir;

    @Test
    void threeInstancesKilledRestartedAndOneBrokerDownEndTheDayExactlyAsOneUndisturbedInstance() throws Exception {
        Path logs = Files.createDirectories(Path.of("target", "scale-out-it",
                Long.toString(System.currentTimeMillis())));
        Path ticks = ScaleOutDay.writeTicks(dir.resolve("day.csv"));
        Path strategies = ScaleOutDay.writeStrategies(dir.resolve("strategies.yaml"));
        List<ProducerRecord<String, byte[]>> external = ScaleOutDay.externalSignals();

        Outcome reference;
        Integrity referenceIntegrity;
        try (SharedServers servers = startServers(dir.resolve("reference"));
             PlatformInstance solo = instance(servers, "solo", "all", Files.createDirectories(logs.resolve("reference")),
                     ScaleOutRun.feedArguments(ticks, strategies, "12"))) {
            solo.start().awaitReady(START);
            ScaleOutDay.publish(servers.bootstrapServers(), external);
            ScaleOutRun.awaitSettled(servers, solo, Duration.ofSeconds(10), Duration.ofSeconds(180));
            reference = ScaleOutRun.outcome(servers);
            referenceIntegrity = ScaleOutRun.integrity(servers);
        }
        System.out.printf("reference: %d fills, %d orders, %d snapshots%n", reference.fills().size(),
                reference.orders().size(), reference.snapshots().size());
        assertCovered(reference);
        assertIntact(referenceIntegrity, "reference");

        Path multiLogs = Files.createDirectories(logs.resolve("scaled-out"));
        try (SharedServers servers = startServers(dir.resolve("scaled-out"));
             PlatformInstance front = instance(servers, "front",
                     "feed,api,monitoring,reconciliation,strategies,risk,portfolio,paper-trading", multiLogs,
                     ScaleOutRun.feedArguments(ticks, strategies, "5"));
             PlatformInstance one = instance(servers, "worker-one", "strategies,risk,portfolio,paper-trading",
                     multiLogs, List.of());
             PlatformInstance two = instance(servers, "worker-two", "strategies,risk,portfolio,paper-trading",
                     multiLogs, List.of())) {
            front.start().awaitReady(START); // migrates the schema, creates the topics, seeds the strategies
            ScaleOutDay.publish(servers.bootstrapServers(), external);
            one.start();
            two.start();
            one.awaitReady(START);
            two.awaitReady(START);
            awaitEveryInstanceIn(servers, SHARED_GROUPS); // so that each disruption moves partitions
            // the day is trading: the external strategy's resting orders are placed (owned by the instances that own
            // their signals' partitions), the first momentum entries filled and their brackets armed
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() ->
                    ScaleOutRun.count(servers, "SELECT count(*) FROM fills WHERE strategy_id = 'acc_orders'") > 0
                            && ScaleOutRun.count(servers, "SELECT count(*) FROM fills"
                            + " WHERE strategy_id = 'acc_bracket'") > 0);
            List<String> disruptions = new ArrayList<>();
            two.kill();
            disruptions.add(disruption("worker-two killed (SIGKILL)", servers, front));
            Thread.sleep(10_000);
            one.stop();
            disruptions.add(disruption("worker-one stopped", servers, front));
            one.start().awaitReady(START);
            disruptions.add(disruption("worker-one ready again", servers, front));
            servers.kafka().stopNode(2);
            disruptions.add(disruption("Kafka broker 2 of 3 stopped", servers, front));
            disruptions.forEach(System.out::println);
            assertThat(disruptions).as("every disruption happened mid-stream")
                    .allMatch(d -> d.endsWith("replay running"));

            ScaleOutRun.awaitSettled(servers, front, Duration.ofSeconds(15), Duration.ofSeconds(240));
            Outcome scaledOut = ScaleOutRun.outcome(servers);
            assertIntact(ScaleOutRun.integrity(servers), "scaled-out");
            assertThat(scaledOut.fills()).as("fills").containsExactlyElementsOf(reference.fills());
            assertThat(scaledOut.positions()).as("positions").containsExactlyElementsOf(reference.positions());
            assertThat(scaledOut.accounts()).as("cash, realized PnL, fees, fill counts")
                    .containsExactlyElementsOf(reference.accounts());
            assertThat(scaledOut.orders()).as("orders").containsExactlyElementsOf(reference.orders());
            assertThat(scaledOut.decisions()).as("risk decisions").containsExactlyElementsOf(reference.decisions());
            assertThat(scaledOut.snapshots()).as("snapshot due times")
                    .containsExactlyElementsOf(reference.snapshots());
            assertThat(front.isAlive() && one.isAlive()).isTrue();
        }
    }

    /**
     * The three-node cluster's first start in a cold JVM on a loaded machine sometimes takes longer than a broker's
     * registration timeout (the broker then shuts down): such a start is tried again on fresh directories.
     */
    private static SharedServers startServers(Path dataDir) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                return SharedServers.start(dataDir.resolve("attempt-" + attempt));
            } catch (java.util.concurrent.CompletionException e) {
                if (attempt == 3) {
                    throw e;
                }
                System.out.println("servers did not start (" + e.getMessage() + "), trying again");
            }
        }
    }

    private static PlatformInstance instance(SharedServers servers, String id, String services, Path logs,
                                             List<String> extra) throws Exception {
        String[] arguments = Stream.concat(ScaleOutRun.commonArguments().stream(), extra.stream())
                .toArray(String[]::new);
        return PlatformInstance.of(servers, id, services, logs, arguments);
    }

    /** Each group has a member (client ids start with the instance id) from each of the three instances. */
    private static void awaitEveryInstanceIn(SharedServers servers, List<String> groups) throws Exception {
        try (Admin admin = servers.admin()) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() ->
                    SharedServers.memberClientIds(admin, groups).values().stream().allMatch(clients ->
                            Stream.of("front", "worker-one", "worker-two").allMatch(id ->
                                    clients.stream().anyMatch(client -> client.startsWith(id)))));
        }
    }

    private static String disruption(String what, SharedServers servers, PlatformInstance feed) throws Exception {
        return what + " at " + ScaleOutRun.count(servers, "SELECT count(*) FROM fills") + " fills, "
                + (ScaleOutRun.replayFinished(feed) ? "replay finished" : "replay running");
    }

    /** The day exercises what it is meant to: every strategy trades, brackets exit both ways, orders rest. */
    private static void assertCovered(Outcome run) {
        String fills = String.join("\n", run.fills());
        String orders = String.join("\n", run.orders());
        assertThat(fills).contains("acc_fast | 738561 | BUY", "acc_fast | 738561 | SELL", "acc_slow | 81153 | BUY",
                "acc_bracket | 738561 | SELL | 6 | 1092.3500000000", "acc_bracket | 2953217 | SELL | 6 | 1455.2500000000",
                "acc_orders | 738561 | BUY | 5 | 1000.5000000000", "acc_orders | 81153 | SELL | 10 | 1319.3000000000");
        assertThat(orders).contains("acc_orders | 1270529 | BUY | stop_limit", "EXPIRED", "IOC_NO_FILL",
                "INSUFFICIENT_POSITION");
    }

    private static void assertIntact(Integrity run, String name) {
        assertThat(run.ledgerMismatches()).as(name + ": ledger rows = fills = fill count per portfolio").isEmpty();
        assertThat(run.duplicateSnapshots()).as(name + ": one snapshot per portfolio per due time").isEmpty();
        assertThat(run.fillIdsOnKafka()).as(name + ": every fill published is in the ledger, and only those")
                .containsExactlyElementsOf(run.fillIdsInDatabase());
        assertThat(run.submissionsPerOrderId().values()).as(name + ": no order id submitted by two events")
                .allMatch(n -> n == 1);
        assertThat(run.submissionsPerOrderId().keySet()).as(name + ": every submitted order in the order view")
                .containsExactlyElementsOf(run.submittedOrderIdsInDatabase());
        System.out.printf("%s: %d fill events on Kafka for %d fills%n", name, run.fillEventsOnKafka(),
                run.fillIdsInDatabase().size());
    }
}
