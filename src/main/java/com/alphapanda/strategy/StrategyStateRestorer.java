package com.alphapanda.strategy;

import com.alphapanda.core.event.Envelope;
import com.alphapanda.core.event.EventCodec;
import com.alphapanda.core.event.EventDecodingException;
import com.alphapanda.core.event.MarketEvent;
import com.alphapanda.core.event.MarketTick;
import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.instrument.MarketPhase;
import com.alphapanda.instrument.NseCalendar;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the strategies' per-instrument state of one {@code market.ticks} partition from the partition itself: the
 * ticks before the consumer's position are read back (a separate, read_committed consumer, in growing chunks) until
 * every instrument of the partition has the {@link Strategy#stateTicks()} latest in-session ticks its strategies need
 * (for {@link Strategy#SESSION_DAY}: a tick of an earlier day) or the partition's first retained record is reached,
 * and folded in order into fresh states, exactly as the live runner folds them. The strategies' signals are discarded:
 * they were published when the ticks were first processed. The instruments of a partition are those whose token the
 * producer's default partitioner maps to it (ticks are keyed by instrument token).
 */
final class StrategyStateRestorer {

    private static final Logger log = LoggerFactory.getLogger(StrategyStateRestorer.class);
    private static final int FIRST_CHUNK = 2_000;
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    private final StrategyRoster roster;
    private final NseCalendar calendar;
    private final Supplier<Consumer<String, byte[]>> consumers;
    private final EventCodec codec = new EventCodec();
    private final Map<String, Integer> partitionCounts = new java.util.concurrent.ConcurrentHashMap<>();

    StrategyStateRestorer(StrategyRoster roster, NseCalendar calendar,
                          Supplier<Consumer<String, byte[]>> consumers) {
        this.roster = roster;
        this.calendar = calendar;
        this.consumers = consumers;
    }

    /** An in-session tick read back, with its envelope id. */
    record Read(com.alphapanda.core.id.EventId id, MarketTick tick) {
    }

    /** Drops the state of the partition's instruments (revoked: another consumer owns them now). */
    void drop(TopicPartition partition) {
        Integer partitions = partitionCounts.get(partition.topic());
        if (partitions == null) {
            try (Consumer<String, byte[]> consumer = consumers.get()) {
                partitions = consumer.partitionsFor(partition.topic()).size();
            }
        }
        tokensOf(partition.partition(), partitions).forEach(this::reset);
    }

    /** Rebuilds the state of the partition's instruments as it was after the ticks before {@code position}. */
    void restore(TopicPartition partition, long position) {
        long started = System.nanoTime();
        try (Consumer<String, byte[]> consumer = consumers.get()) {
            int partitions = consumer.partitionsFor(partition.topic()).size();
            partitionCounts.put(partition.topic(), partitions);
            List<InstrumentToken> tokens = tokensOf(partition.partition(), partitions);
            tokens.forEach(this::reset);
            if (tokens.isEmpty() || position <= 0) {
                return;
            }
            Map<InstrumentToken, List<Read>> history = readBack(consumer, partition, position, tokens);
            int folded = 0;
            for (var entry : history.entrySet()) {
                for (Read read : entry.getValue()) {
                    fold(entry.getKey(), read);
                    folded++;
                }
            }
            log.info("Strategy state of {} rebuilt up to offset {}: {} instruments, {} ticks folded, {} ms", partition,
                    position, history.size(), folded, (System.nanoTime() - started) / 1_000_000);
        }
    }

    private void reset(InstrumentToken token) {
        roster.interestedIn(token).forEach(instance -> instance.reset(token));
    }

    private void fold(InstrumentToken token, Read read) {
        for (StrategyInstance<?> instance : roster.interestedIn(token)) {
            try {
                instance.evaluate(read.id(), read.tick());
            } catch (RuntimeException e) {
                // the live run caught and counted the same failure on this tick; the state is folded the same way
                log.debug("Strategy {} failed again on tick {} while rebuilding", instance.definition().id(), read.id());
            }
        }
    }

    /** The instruments of the running strategies whose ticks go to this partition. */
    List<InstrumentToken> tokensOf(int partition, int partitions) {
        List<InstrumentToken> tokens = new ArrayList<>();
        for (InstrumentToken token : roster.instruments()) {
            byte[] key = token.toString().getBytes(StandardCharsets.UTF_8);
            if (Utils.toPositive(Utils.murmur2(key)) % partitions == partition) {
                tokens.add(token);
            }
        }
        return tokens;
    }

    private Map<InstrumentToken, List<Read>> readBack(Consumer<String, byte[]> consumer, TopicPartition partition,
                                                      long position, List<InstrumentToken> tokens) {
        Map<InstrumentToken, Need> needs = new HashMap<>();
        tokens.forEach(t -> needs.put(t, Need.of(roster.interestedIn(t))));
        consumer.assign(List.of(partition));
        long first = consumer.beginningOffsets(List.of(partition)).get(partition);
        Map<InstrumentToken, List<Read>> history = new HashMap<>();
        long to = position;
        long chunk = FIRST_CHUNK;
        while (to > first && !needs.entrySet().stream().allMatch(e -> e.getValue().met(history.get(e.getKey())))) {
            long from = Math.max(first, to - chunk);
            Map<InstrumentToken, List<Read>> older = read(consumer, partition, from, to, needs);
            older.forEach((token, reads) -> {
                List<Read> merged = new ArrayList<>(reads);
                merged.addAll(history.getOrDefault(token, List.of()));
                history.put(token, needs.get(token).trim(merged));
            });
            to = from;
            chunk *= 2;
        }
        return history;
    }

    /** The in-session ticks of the wanted instruments in [from, to), in offset order. */
    private Map<InstrumentToken, List<Read>> read(Consumer<String, byte[]> consumer, TopicPartition partition,
                                                  long from, long to, Map<InstrumentToken, Need> wanted) {
        consumer.seek(partition, from);
        Map<InstrumentToken, List<Read>> reads = new HashMap<>();
        long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
        while (consumer.position(partition) < to) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("reading " + partition + " back from offset " + from + " to " + to
                        + " took longer than " + READ_TIMEOUT);
            }
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                if (record.offset() < to) {
                    decode(record, wanted, reads);
                }
            }
        }
        return reads;
    }

    private void decode(ConsumerRecord<String, byte[]> record, Map<InstrumentToken, Need> wanted,
                        Map<InstrumentToken, List<Read>> reads) {
        Envelope<MarketEvent> envelope;
        try {
            envelope = codec.decode(record.value(), MarketEvent.class);
        } catch (EventDecodingException e) {
            return; // a poison record: the live runner dead-lettered it without evaluating it
        }
        if (envelope.payload() instanceof MarketTick tick && wanted.containsKey(tick.instrumentToken())
                && calendar.phaseAt(tick.timestamp()) == MarketPhase.OPEN) {
            reads.computeIfAbsent(tick.instrumentToken(), t -> new ArrayList<>()).add(new Read(envelope.id(), tick));
        }
    }

    /** What an instrument's strategies need: the latest {@code ticks} in-session ticks, and maybe the whole day. */
    record Need(int ticks, boolean sessionDay) {

        static Need of(List<StrategyInstance<?>> instances) {
            int ticks = 0;
            boolean day = false;
            for (StrategyInstance<?> instance : instances) {
                if (instance.stateTicks() == Strategy.SESSION_DAY) {
                    day = true;
                } else {
                    ticks = Math.max(ticks, instance.stateTicks());
                }
            }
            return new Need(ticks, day);
        }

        /** Whether these reads (oldest first) are enough. */
        boolean met(List<Read> reads) {
            int count = reads == null ? 0 : reads.size();
            if (count < ticks) {
                return false;
            }
            return !sessionDay || count > 0 && !day(reads.getFirst()).equals(day(reads.getLast()));
        }

        /** The reads worth keeping: all of them for a whole day, else the latest {@code ticks}. */
        List<Read> trim(List<Read> reads) {
            return sessionDay || reads.size() <= ticks ? reads : List.copyOf(reads.subList(reads.size() - ticks,
                    reads.size()));
        }

        private static java.time.LocalDate day(Read read) {
            return read.tick().timestamp().atZone(NseCalendar.IST).toLocalDate();
        }
    }
}
