package com.alphapanda.execution.paper;

import com.alphapanda.core.event.Envelope;
import com.alphapanda.core.event.EventPayload;
import com.alphapanda.core.streaming.BatchStage;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * An input stage of the paper venue: journaled in the batch's database transaction, and the venue held for the whole
 * batch, because the venue's listeners (signals, ticks, operator commands) share its in-memory state; after a
 * rolled-back batch the venue is rebuilt from its journal.
 */
record VenueStage<F extends EventPayload>(PaperTradingEngine engine, Class<F> family,
                                          BiConsumer<Envelope<F>, ConsumerRecord<String, byte[]>> action)
        implements BatchStage<F> {

    @Override
    public void process(Envelope<F> envelope, ConsumerRecord<String, byte[]> record) {
        action.accept(envelope, record);
    }

    @Override
    public boolean writesDatabase() {
        return true;
    }

    @Override
    public void afterRollback() {
        engine.invalidate();
    }

    @Override
    public Object lock() {
        return engine;
    }
}
