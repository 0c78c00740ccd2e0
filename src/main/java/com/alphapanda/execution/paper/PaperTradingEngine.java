package com.alphapanda.execution.paper;

import com.alphapanda.core.event.Broker;
import com.alphapanda.core.event.CancelOrder;
import com.alphapanda.core.event.Envelope;
import com.alphapanda.core.event.EventCodec;
import com.alphapanda.core.event.MarketEvent;
import com.alphapanda.core.event.MarketTick;
import com.alphapanda.core.event.OrderEvent;
import com.alphapanda.core.event.OrderFailed;
import com.alphapanda.core.event.OrderFilled;
import com.alphapanda.core.event.OrderSubmitted;
import com.alphapanda.core.event.TickPosition;
import com.alphapanda.core.event.TradingSignal;
import com.alphapanda.core.event.ValidatedSignal;
import com.alphapanda.core.id.EventId;
import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.core.streaming.Envelopes;
import com.alphapanda.core.topic.Topic;
import com.alphapanda.core.topic.Topics;
import com.alphapanda.execution.BrokerOrder;
import com.alphapanda.execution.OrderRequest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the paper venue exactly once per input, across instances. The venue in memory holds the orders of the
 * partitions of {@code paper.signals.validated} this instance is assigned (read from PostgreSQL on assignment,
 * dropped on revocation) and the accounts it locked; every change is written in the listener batch's database
 * transaction ({@link PassState}): inputs claimed by event id (a unique key), accounts under row locks, orders by
 * conditional update on their version, the journal with the envelopes to publish. A conflict (another instance changed
 * an order first) fails the record; the batch is rolled back, the venue read again and the record retried.
 */
final class PaperTradingEngine {

    static final String SOURCE = "paper_trading";
    /** A working order's tick offset is written when it is this far ahead of its row (bounds a catch-up). */
    private static final long TICK_OFFSET_CHECKPOINT = 10_000;
    /** Ticks remembered per tick partition, to match an order placed behind the tick consumer ({@link RecentTicks}). */
    static final int RECENT_TICKS_PER_PARTITION = 1_024;
    private static final Logger log = LoggerFactory.getLogger(PaperTradingEngine.class);

    private final PaperVenue venue;
    private final PaperStore store;
    private final PaperJournal journal;
    private final PaperSettings settings;
    private final RecentTicks history;
    private final UnconfirmedTicks unconfirmed;
    private final EventCodec codec = new EventCodec();
    private final Set<Integer> owned = new TreeSet<>();
    private final TickCursor ticks;
    private final Function<String, Map<Integer, Long>> committedTicks;
    private final PassState pass = new PassState();
    /** The memory is ahead of the database (a rolled-back batch): read the owned state again before the next input. */
    private boolean stale;

    PaperTradingEngine(PaperVenue venue, PaperStore store, PaperJournal journal, PaperSettings settings,
                       String tickGroup, TickHistory history,
                       Function<String, Map<Integer, Long>> committedTicks) {
        this.venue = venue;
        this.store = store;
        this.journal = journal;
        this.settings = settings;
        this.ticks = new TickCursor(store, tickGroup);
        this.history = new RecentTicks(history, RECENT_TICKS_PER_PARTITION);
        this.committedTicks = committedTicks;
        this.unconfirmed = new UnconfirmedTicks(journal, committedTicks, java.time.Duration.ofHours(1));
    }

    /** These partitions of the validated signals are now this instance's: their working orders are read. */
    synchronized void assigned(Collection<Integer> partitions) {
        owned.addAll(partitions);
        venue.forget(o -> partitions.contains(o.partition));
        restore(partitions);
        unconfirmed.assigned(partitions);
        log.info("Paper venue owns signal partitions {}", owned);
    }

    /** The tick consumer was assigned these tick partitions (again): it may start them anywhere. */
    synchronized void ticksAssigned(Collection<Integer> partitions) {
        history.forget(partitions);
    }

    /** These partitions are no longer this instance's: their orders are forgotten here. */
    synchronized void revoked(Collection<Integer> partitions) {
        owned.removeAll(partitions);
        unconfirmed.revoked(partitions);
        venue.forget(o -> partitions.contains(o.partition));
    }

    /**
     * Starts a batch of validated signals: locks their strategies' accounts (keys {@code strategy:token}) in order.
     * Returns the events to publish again with the batch (see {@link UnconfirmedTicks}).
     */
    synchronized List<Envelope<OrderEvent>> beginSignals(List<ConsumerRecord<String, byte[]>> records) {
        begin();
        Set<String> strategies = new TreeSet<>();
        records.stream().map(ConsumerRecord::key).filter(k -> k != null && k.lastIndexOf(':') > 0)
                .forEach(k -> strategies.add(k.substring(0, k.lastIndexOf(':'))));
        lock(strategies);
        pass.claims.claimAll(records, store);
        return unconfirmed.lost(ticks.group());
    }

    /**
     * Starts a batch of ticks: locks (in strategy order) the accounts of strategies working the batch's instruments
     * and of orders restored here since the last batch, then catches those orders up: the ticks this instance's
     * consumer read before it owned them, from the tick after their {@code tickOffset}, are matched first. Returns
     * what the catch-up caused, to publish with the batch.
     */
    synchronized List<Envelope<OrderEvent>> beginTicks(List<ConsumerRecord<String, byte[]>> records) {
        begin();
        ticks.loadCommitted();
        List<Envelope<OrderEvent>> out = new ArrayList<>(unconfirmed.lost(ticks.group()));
        if (venue.idle()) {
            return out;
        }
        Set<InstrumentToken> tokens = new HashSet<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                tokens.add(InstrumentToken.of(Long.parseLong(record.key())));
            } catch (IllegalArgumentException notAToken) {
                // a record with a bad key fails on its own when it is decoded
            }
        }
        Map<Integer, List<PaperOrder>> behind = ticks.behind(venue);
        Set<String> strategies = new TreeSet<>(venue.strategiesTrading(tokens));
        behind.values().forEach(orders -> orders.forEach(o -> strategies.add(o.strategyId.value())));
        lock(strategies);
        if (!behind.isEmpty()) {
            TickCursor.anchor(records, codec).ifPresent(anchor -> out.addAll(catchUp(behind, records, anchor)));
        }
        return out;
    }

    /** Starts a batch of operator commands (they change orders, never accounts). */
    synchronized void beginCommands() {
        begin();
    }

    synchronized List<Envelope<OrderEvent>> onValidated(Envelope<?> cause, ValidatedSignal validated,
                                                        PaperStore.Source source) {
        restoreIfStale();
        Optional<PaperStore.Source> first = pass.claims.take(cause.id(), source)
                .orElseGet(() -> store.claim(cause.id(), source));
        if (first.isPresent()) {
            return again(cause.id(), source, first.get());
        }
        TradingSignal signal = validated.originalSignal();
        lock(Set.of(signal.strategyId().value()));
        List<VenueRecord> records = venue.placeRecorded(OrderRequest.of(cause.id(), validated));
        TickPosition after = ticks.sameInstrument(signal.sourceTick(), signal.instrumentToken());
        List<Envelope<OrderEvent>> out = new ArrayList<>(commit(cause, cause.id(), records, source.partition(), null,
                after));
        if (after != null) {
            out.addAll(catchUpPlaced(cause, signal.instrumentToken(), after));
        }
        return out;
    }

    /**
     * Matches what an order just placed left working (a resting order, a bracket's exits) against the ticks of its
     * instrument after its signal's tick that this instance's tick consumer has read already (it reads ticks ahead of
     * the signals, e.g. a replay at full speed): the order meets the ticks after its signal, whenever the signal is
     * read. Up to the last tick read in this process, or, before any there, the tick group's committed offset. What it
     * causes is journaled under the signal (a redelivered signal re-publishes it).
     */
    private List<Envelope<OrderEvent>> catchUpPlaced(Envelope<?> cause, InstrumentToken token, TickPosition after) {
        if (venue.strategiesTrading(Set.of(token)).isEmpty()) {
            return List.of(); // nothing of it rests: the common case (a market order that filled)
        }
        Long read = ticks.readOn(after.partition());
        long upTo = read != null ? read
                : committedTicks.apply(ticks.group()).getOrDefault(after.partition(), 0L) - 1;
        if (after.offset() >= upTo) {
            return List.of();
        }
        log.info("Signal {} was read after market.ticks-{} offsets {}..{}: matching its order against them", cause.id(),
                after.partition(), after.offset() + 1, upTo);
        return matchAgain(after.partition(), after.offset() + 1, upTo, token, cause.id(), null);
    }

    /**
     * Matches the ticks of {@code market.ticks-partition} from {@code from} to {@code to} read again (only those of
     * {@code only}, when set) and writes what they cause, journaled under {@code journalAs} ({@code filed}: as a tick
     * group's rows).
     */
    private List<Envelope<OrderEvent>> matchAgain(int partition, long from, long to, InstrumentToken only,
                                                  EventId journalAs, PaperJournal.ByTick filed) {
        List<Envelope<OrderEvent>> out = new ArrayList<>();
        history.read(partition, from, to, t -> {
            if (t.envelope().payload() instanceof MarketTick tick
                    && (only == null || tick.instrumentToken().equals(only))) {
                out.addAll(commit(t.envelope(), journalAs, match(tick, t.offset()), -1, filed, null));
            }
        });
        return out;
    }

    /**
     * A tick consumed at {@code source} by this instance's tick group: matched against the owned orders, or, when the
     * group had committed its effects before (a redelivery after an aborted Kafka transaction, or a restart), its
     * journaled envelopes are published again instead.
     */
    @SuppressWarnings("unchecked")
    synchronized List<Envelope<OrderEvent>> onTick(Envelope<?> cause, MarketTick tick, PaperStore.Source source) {
        history.add(source.partition(), new TickHistory.Tick((Envelope<MarketEvent>) cause, source.offset()));
        restoreIfStale();
        if (ticks.read(source, tick.instrumentToken())) {
            venue.see(tick);
            List<Envelope<OrderEvent>> envelopes = journal.envelopesOf(cause.id(), ticks.group());
            if (!envelopes.isEmpty()) {
                log.info("Tick {} redelivered from {}: re-publishing its {} events", cause.id(), source,
                        envelopes.size());
            }
            return envelopes;
        }
        List<VenueRecord> records = match(tick, source.offset());
        if (!records.isEmpty()) {
            pass.ticks.merge(source.partition(), source.offset(), Math::max);
        }
        return commit(cause, records, -1, new PaperJournal.ByTick(ticks.group(), source.partition(), source.offset()));
    }

    private List<VenueRecord> match(MarketTick tick, long offset) {
        if (!venue.idle()) {
            lock(venue.strategiesTrading(Set.of(tick.instrumentToken())));
        }
        return venue.onTick(tick, offset);
    }

    /**
     * Matches the orders behind against the ticks read before they were restored here. What it causes is journaled
     * under the batch's first record ({@code anchor}): should the batch's Kafka transaction not commit, that record
     * comes again (or its group's offset shows it uncommitted to the next owner) and the events are published again.
     */
    private List<Envelope<OrderEvent>> catchUp(Map<Integer, List<PaperOrder>> behind,
                                               List<ConsumerRecord<String, byte[]>> records, TickCursor.Anchor anchor) {
        PaperJournal.ByTick filed = new PaperJournal.ByTick(ticks.group(), anchor.partition(), anchor.offset());
        List<Envelope<OrderEvent>> out = new ArrayList<>();
        behind.forEach((partition, orders) -> {
            Long upTo = ticks.readUpTo(partition, records);
            if (upTo == null) {
                return; // this instance has not read that partition yet: wait for its first tick there
            }
            long from = orders.stream().mapToLong(o -> o.tickOffset).min().orElseThrow() + 1;
            if (from <= upTo) {
                log.info("Catching {} restored orders up on market.ticks-{} offsets {}..{}", orders.size(), partition,
                        from, upTo);
                out.addAll(matchAgain(partition, from, upTo, null, anchor.id(), filed));
            }
            ticks.caughtUp(orders);
        });
        if (!out.isEmpty()) {
            pass.ticks.merge(anchor.partition(), anchor.offset(), Math::max);
        }
        return out;
    }

    /**
     * An operator's cancel: the order's {@code CANCELLED} failure; nothing when the order is unknown, of another
     * strategy or instrument, or no longer working. The order may be owned by another instance: it is read from the
     * database and changed by the same conditional update.
     */
    synchronized List<Envelope<OrderEvent>> onCancel(Envelope<?> cause, CancelOrder cancel, PaperStore.Source source) {
        restoreIfStale();
        Optional<PaperStore.Source> first = store.claim(cause.id(), source);
        if (first.isPresent()) {
            return again(cause.id(), source, first.get());
        }
        if (venue.order(cancel.orderId()).isEmpty()) {
            store.order(cancel.orderId()).filter(s -> s.order().status.isWorking())
                    .ifPresent(s -> venue.restore(s.order(), s.bracketLive()));
        }
        var order = venue.order(cancel.orderId()).filter(o -> o.strategyId().equals(cancel.strategyId())
                && o.instrumentToken().equals(cancel.instrumentToken()));
        if (order.isEmpty() || !order.get().status().isWorking()) {
            venue.forget(o -> o.orderId.equals(cancel.orderId()) && !owned.contains(o.partition));
            log.info("Cancel {} of order {} by {}: nothing to cancel ({})", cause.id(), cancel.orderId(),
                    cancel.requestedBy(), order.map(o -> o.status().name()).orElse("unknown order"));
            return List.of();
        }
        log.info("Cancelling order {} for {}: {}", cancel.orderId(), cancel.requestedBy(), cancel.reason());
        List<Envelope<OrderEvent>> envelopes = commit(cause, venue.cancelRecorded(cancel.orderId(),
                "Cancelled by " + cancel.requestedBy() + ": " + cancel.reason(), cancel.timestamp()), -1, null);
        venue.forget(o -> o.orderId.equals(cancel.orderId()) && !owned.contains(o.partition));
        return envelopes;
    }

    /**
     * In the batch's database transaction, before it commits: the orders placed in the batch, the journal and the
     * changed accounts, one statement each.
     */
    synchronized void beforeCommit() {
        pass.claims.releaseUnused(store);
        store.saveOrders(List.copyOf(pass.unwritten.values()), o -> venue.bracketLive(o.orderId));
        journal.append(pass.journal);
        Map<String, PaperAccount> accounts = new LinkedHashMap<>();
        pass.accounts.forEach(s -> accounts.put(s, venue.accountOf(s)));
        store.saveAccounts(accounts);
        store.saveTickProgress(ticks.group(), pass.ticks);
        if (!venue.idle()) {
            store.checkpointTickOffsets(venue.tickOffsetsBehind(TICK_OFFSET_CHECKPOINT));
        }
    }

    /** The batch's database transaction committed. */
    synchronized void afterCommit() {
        ticks.committed(pass.ticks);
        unconfirmed.committed();
        pass.clear();
    }

    /** The batch's database work was rolled back: the memory is ahead of it and is read again before the next input. */
    synchronized void invalidate() {
        pass.clear();
        ticks.rolledBack();
        unconfirmed.rolledBack();
        stale = true;
    }

    /** The venue, for queries; the owned state read again first if needed. */
    synchronized PaperVenue venue() {
        restoreIfStale();
        return venue;
    }

    /** The order of a validated signal, owned here or not. */
    synchronized Optional<BrokerOrder> findBySignal(EventId signalId) {
        return venue().findBySignal(signalId).or(() -> store.entryOf(signalId).map(s -> s.order().view()));
    }

    static Topic<OrderEvent> topicOf(OrderEvent event) {
        return switch (event) {
            case OrderSubmitted s -> Topics.ordersSubmitted(Broker.PAPER);
            case OrderFilled f -> Topics.ordersFilled(Broker.PAPER);
            case OrderFailed f -> Topics.ordersFailed(Broker.PAPER);
        };
    }

    private void begin() {
        pass.clear();
        restoreIfStale();
    }

    private void restoreIfStale() {
        if (stale) {
            venue.forgetState();
            ticks.forgetRestored();
            restore(owned);
            stale = false;
        }
    }

    private void restore(Collection<Integer> partitions) {
        for (PaperStore.Stored stored : store.live(partitions)) {
            venue.restore(stored.order(), stored.bracketLive());
            ticks.restored(stored.order().orderId);
        }
    }

    /** Locks (and reads) the accounts of these strategies not locked yet in this batch, in strategy order. */
    private void lock(Set<String> strategies) {
        TreeSet<String> missing = new TreeSet<>(strategies);
        missing.removeAll(pass.locked);
        if (!missing.isEmpty()) {
            store.lockAccounts(missing, settings::startingCashOf)
                    .forEach((s, account) -> venue.restoreAccount(s, account.cash(), account.holdings()));
            pass.locked.addAll(missing);
        }
    }

    /** An input claimed before: the same record again re-publishes its journaled envelopes, a duplicate nothing. */
    private List<Envelope<OrderEvent>> again(EventId input, PaperStore.Source now, PaperStore.Source first) {
        if (first.equals(now)) {
            List<Envelope<OrderEvent>> envelopes = journal.envelopesOf(input);
            log.info("Input {} redelivered from {} (its Kafka transaction did not commit): re-publishing its {} events",
                    input, now, envelopes.size());
            return envelopes;
        }
        log.info("Input {} at {} was processed before at {}: nothing to do", input, now, first);
        return List.of();
    }

    private List<Envelope<OrderEvent>> commit(Envelope<?> cause, List<VenueRecord> records, int partition,
                                              PaperJournal.ByTick tick) {
        return commit(cause, cause.id(), records, partition, tick, null);
    }

    /**
     * Writes what an input changed; its journal rows are filed under {@code journalAs}. A new order matches the ticks
     * after {@code after} (its signal's tick), or without one those after the last tick this instance has read.
     */
    private List<Envelope<OrderEvent>> commit(Envelope<?> cause, EventId journalAs, List<VenueRecord> records,
                                              int partition, PaperJournal.ByTick tick, TickPosition after) {
        PaperVenue.Changes changes = venue.drainChanges();
        if (changes.orders().isEmpty() && records.isEmpty()) {
            return List.of();
        }
        if (!pass.locked.containsAll(changes.accounts())) {
            stale = true;
            throw new IllegalStateException("paper accounts changed without their lock: " + changes.accounts());
        }
        changes.orders().stream().filter(o -> o.partition < 0).forEach(o -> {
            o.partition = partition;
            o.tickOffset = after != null ? after.offset() : ticks.placedAfter(o.token);
        });
        List<PaperOrder> known = new ArrayList<>();
        for (PaperOrder order : changes.orders()) {
            if (order.version < 0 || pass.unwritten.containsKey(order.orderId)) {
                pass.unwritten.put(order.orderId, order); // a new order: inserted as it is at the commit
            } else {
                known.add(order);
            }
        }
        if (!store.saveOrders(known, o -> venue.bracketLive(o.orderId))) {
            stale = true;
            throw new PaperOrderConflict("an order of input " + cause.id() + " was changed by another instance");
        }
        List<Envelope<OrderEvent>> envelopes = PaperVenue.events(records).stream()
                .map(e -> (Envelope<OrderEvent>) Envelopes.<OrderEvent, OrderEvent>child(topicOf(e), e, SOURCE, cause))
                .toList();
        pass.accounts.addAll(changes.accounts());
        pass.journal.addAll(journal.rows(journalAs, records, envelopes, tick));
        venue.prune();
        return envelopes;
    }

    /** What one batch has done so far: the accounts it locked and changed, its journal rows, its ticks' progress. */
    private static final class PassState {
        private final Set<String> locked = new TreeSet<>();
        private final Set<String> accounts = new TreeSet<>();
        private final List<PaperJournal.Row> journal = new java.util.ArrayList<>();
        private final Map<Integer, Long> ticks = new java.util.HashMap<>();
        private final BatchClaims claims = new BatchClaims();
        /** Orders placed in this batch, by id: inserted in one statement just before the commit. */
        private final Map<String, PaperOrder> unwritten = new LinkedHashMap<>();

        void clear() {
            claims.clear();
            unwritten.clear();
            locked.clear();
            accounts.clear();
            journal.clear();
            ticks.clear();
        }
    }

    /** Another instance changed an order first: transient, the record is retried after the venue is read again. */
    static final class PaperOrderConflict extends RuntimeException {
        PaperOrderConflict(String message) {
            super(message);
        }
    }
}
