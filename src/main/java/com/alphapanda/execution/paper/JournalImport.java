package com.alphapanda.execution.paper;

import com.alphapanda.core.event.TradingSignal;
import com.alphapanda.core.topic.Topic;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The upgrade to the venue's own tables (V90): a database whose journal holds trading but whose state tables are
 * empty gets its state once, by replaying the journal as the venue did at every start before. Serialized across
 * instances by a transaction-scoped advisory lock; the orders get the partition their key maps to.
 */
final class JournalImport {

    private static final Logger log = LoggerFactory.getLogger(JournalImport.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    JournalImport(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** Imports the journal's state when the state tables are empty and the journal is not. */
    void runIfNeeded(Supplier<PaperVenue> venues, PaperSettings settings, Topic<?> signals) {
        transactions.executeWithoutResult(tx -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('alpha-panda.paper-venue.journal-import'))")
                    .query(rs -> { });
            boolean needed = jdbc.sql("SELECT NOT EXISTS (SELECT 1 FROM paper_orders)"
                    + " AND NOT EXISTS (SELECT 1 FROM paper_accounts) AND EXISTS (SELECT 1 FROM paper_journal)")
                    .query(Boolean.class).single();
            if (needed) {
                importJournal(venues.get(), settings, signals);
            }
        });
    }

    private void importJournal(PaperVenue venue, PaperSettings settings, Topic<?> signals) {
        PaperJournal journal = new PaperJournal(jdbc);
        journal.readAll(venue::replay);
        venue.finishReplay();
        var orders = venue.allOrders();
        orders.forEach(o -> o.partition = partitionOf(TradingSignal.partitionKey(o.strategyId, o.token), signals));
        PaperStore store = new PaperStore(jdbc);
        for (int from = 0; from < orders.size(); from += 1_000) {
            store.saveOrders(orders.subList(from, Math.min(orders.size(), from + 1_000)),
                    o -> venue.bracketLive(o.orderId));
        }
        Map<String, PaperAccount> accounts = venue.accountIds().stream()
                .collect(Collectors.toMap(s -> s, venue::accountOf));
        if (!accounts.isEmpty()) {
            store.lockAccounts(new TreeSet<>(accounts.keySet()), settings::startingCashOf);
            store.saveAccounts(accounts);
        }
        jdbc.sql("INSERT INTO paper_inputs (input_event_id, source_topic, source_partition, source_offset)"
                + " SELECT DISTINCT input_event_id, 'paper_journal', -1, -1 FROM paper_journal"
                + " ON CONFLICT DO NOTHING").update();
        log.info("Paper venue state imported from its journal: {} orders, {} accounts", orders.size(), accounts.size());
    }

    /** The partition Kafka's default partitioner gives a key. */
    static int partitionOf(String key, Topic<?> topic) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % topic.partitions();
    }
}
