package com.alphapanda.execution.paper;

import static com.alphapanda.execution.paper.PaperVenueFixture.RELIANCE;
import static com.alphapanda.execution.paper.PaperVenueFixture.STRATEGY;
import static com.alphapanda.execution.paper.PaperVenueFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.alphapanda.core.event.Broker;
import com.alphapanda.core.event.Envelope;
import com.alphapanda.core.event.MarketTick;
import com.alphapanda.core.event.OrderEvent;
import com.alphapanda.core.event.OrderInstruction;
import com.alphapanda.core.event.OrderType;
import com.alphapanda.core.event.SignalType;
import com.alphapanda.core.event.TimeInForce;
import com.alphapanda.core.event.TradingSignal;
import com.alphapanda.core.id.EventId;
import com.alphapanda.core.money.Price;
import com.alphapanda.core.streaming.Envelopes;
import com.alphapanda.core.topic.Topics;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Upgrading a database whose paper journal was written before the venue had its own tables. */
class JournalImportTest {

    private static PaperTestDatabase db;

    @BeforeAll
    static void start() {
        db = new PaperTestDatabase();
    }

    @AfterAll
    static void stop() throws Exception {
        db.close();
    }

    @Test
    void theStateOfAnOldJournalIsImportedOnceAndItsRestingOrderFillsOnTheNextTick() {
        PaperVenueFixture old = new PaperVenueFixture();
        old.tick("100", T0.minusSeconds(5));
        var filled = PaperVenueFixture.request(SignalType.BUY, 10, "100", OrderInstruction.MARKET_DAY, T0);
        var resting = PaperVenueFixture.request(SignalType.BUY, 5, "100",
                new OrderInstruction(OrderType.LIMIT, TimeInForce.DAY, Price.of("99"), null, null), T0.plusSeconds(1));
        PaperJournal journal = new PaperJournal(db.jdbc);
        for (var request : List.of(filled, resting)) {
            List<VenueRecord> records = old.venue.placeRecorded(request);
            List<Envelope<OrderEvent>> envelopes = PaperVenue.events(records).stream()
                    .map(e -> Envelopes.<OrderEvent, OrderEvent>root(PaperTradingEngine.topicOf(e), e, "test"))
                    .toList();
            journal.append(journal.rows(request.signalId(), records, envelopes, null));
        }
        JournalImport upgrade = new JournalImport(db.jdbc,
                new TransactionTemplate(new JdbcTransactionManager(db.dataSource)));

        upgrade.runIfNeeded(this::venue, PaperSettings.defaults(), Topics.signalsValidated(Broker.PAPER));
        upgrade.runIfNeeded(this::venue, PaperSettings.defaults(), Topics.signalsValidated(Broker.PAPER));

        assertThat(db.jdbc.sql("SELECT count(*) FROM paper_orders").query(Long.class).single()).isEqualTo(2);
        assertThat(db.jdbc.sql("SELECT cash FROM paper_accounts").query(java.math.BigDecimal.class).single())
                .isEqualByComparingTo(old.venue.cash(STRATEGY.value()));
        int partition = JournalImport.partitionOf(TradingSignal.partitionKey(STRATEGY, RELIANCE),
                Topics.signalsValidated(Broker.PAPER));
        PaperVenueInstance restarted = new PaperVenueInstance(db.dataSource, "new");
        restarted.engine.assigned(List.of(partition));
        assertThat(restarted.engine.venue().openOrders()).singleElement()
                .satisfies(o -> assertThat(o.signalId()).isEqualTo(resting.signalId()));
        assertThat(restarted.tick(Envelopes.root(Topics.MARKET_TICKS,
                MarketTick.ltp(RELIANCE, Price.of("98.90"), T0.plusSeconds(9)), "test"), 0)).hasSize(1);
        assertThat(restarted.engine.findBySignal(filled.signalId())).isPresent();
        assertThat(db.jdbc.sql("SELECT count(*) FROM paper_inputs WHERE input_event_id = :id")
                .param("id", filled.signalId().value()).query(Long.class).single())
                .as("an old signal redelivered is a duplicate").isEqualTo(1);
    }

    private PaperVenue venue() {
        return new PaperVenue(PaperSettings.defaults(), PaperVenueFixture.CALENDAR, () -> EventId.next().asString());
    }
}
