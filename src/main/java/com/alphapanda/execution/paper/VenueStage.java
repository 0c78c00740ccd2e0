package com.alphapanda.execution.paper;

import com.alphapanda.core.event.Envelope;
import com.alphapanda.core.event.EventPayload;
import com.alphapanda.core.streaming.BatchStage;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * An input stage of the paper venue: in the batch's database transaction it first locks the accounts the batch may
 * touch ({@code begin}, in key order), then processes each record, and writes the journal and the accounts just
 * before the commit. The venue is held for the whole batch, because the venue's listeners (signals, ticks, operator
 * commands) share its in-memory state; after a rolled-back batch the venue is read again from PostgreSQL.
 */
record VenueStage<F extends EventPayload>(PaperTradingEngine engine, Class<F> family,
                                          Consumer<List<ConsumerRecord<String, byte[]>>> begin,
                                          BiConsumer<Envelope<F>, ConsumerRecord<String, byte[]>> action)
        implements BatchStage<F> {

    @Override
    public void beginPass(List<ConsumerRecord<String, byte[]>> records) {
        begin.accept(records);
    }

    @Override
    public void process(Envelope<F> envelope, ConsumerRecord<String, byte[]> record) {
        action.accept(envelope, record);
    }

    @Override
    public boolean writesDatabase() {
        return true;
    }

    @Override
    public void beforeCommit() {
        engine.beforeCommit();
    }

    @Override
    public void afterCommit() {
        engine.afterCommit();
    }

    @Override
    public void afterRollback() {
        engine.invalidate();
    }

    @Override
    public Object lock() {
        return engine;
    }

    /** The record's keys. */
    static List<String> keys(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(ConsumerRecord::key).toList();
    }

    /** Where a record was consumed. */
    static PaperStore.Source source(ConsumerRecord<?, ?> record) {
        return new PaperStore.Source(record.topic(), record.partition(), record.offset());
    }
}
