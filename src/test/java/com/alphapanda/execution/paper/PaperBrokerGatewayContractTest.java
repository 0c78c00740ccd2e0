package com.alphapanda.execution.paper;

import com.alphapanda.core.event.MarketTick;
import com.alphapanda.core.event.OrderEvent;
import com.alphapanda.core.id.EventId;
import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.core.money.Price;
import com.alphapanda.execution.BrokerGateway;
import com.alphapanda.execution.BrokerGatewayContract;
import java.time.Instant;
import java.util.List;

/** The paper venue passes the broker gateway contract. */
class PaperBrokerGatewayContractTest extends BrokerGatewayContract {

    private PaperVenue venue;

    @Override
    protected BrokerGateway newGateway() {
        venue = new PaperVenue(PaperSettings.defaults(), PaperVenueFixture.CALENDAR, () -> EventId.next().asString());
        venue.onTick(MarketTick.ltp(INSTRUMENT, Price.of("100"), sessionTime().minusSeconds(60)));
        return venue;
    }

    @Override
    protected List<OrderEvent> marketMovesTo(InstrumentToken token, Price price, Instant at) {
        return PaperVenue.events(venue.onTick(MarketTick.ltp(token, price, at)));
    }

    @Override
    protected Instant sessionTime() {
        return PaperVenueFixture.T0;
    }
}
