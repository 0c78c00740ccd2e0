package com.alphapanda.execution.zerodha;

import com.alphapanda.core.event.OrderEvent;
import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.core.money.Price;
import com.alphapanda.execution.BrokerGateway;
import com.alphapanda.execution.BrokerGatewayContract;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/** The shared {@link BrokerGateway} contract, passed by {@link ZerodhaBroker} against the local fake Kite server. */
class ZerodhaBrokerGatewayContractTest extends BrokerGatewayContract {

    private static ZerodhaTestDatabase db;
    private FakeKite kite;
    private ZerodhaBroker broker;

    @BeforeAll
    static void startDatabase() {
        db = new ZerodhaTestDatabase();
    }

    @AfterAll
    static void stopDatabase() throws IOException {
        db.close();
    }

    @AfterEach
    void stopKite() {
        kite.close();
    }

    @Override
    protected BrokerGateway newGateway() {
        try {
            kite = new FakeKite();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        db.clearZerodha();
        ZerodhaProperties properties = ZerodhaFixture.properties(kite.url(), null);
        broker = ZerodhaFixture.broker(kite, db, properties, ZerodhaFixture.kiteLimits(db.orderBook()));
        return broker;
    }

    @Override
    protected List<OrderEvent> marketMovesTo(InstrumentToken token, Price price, Instant at) {
        kite.setMarket("RELIANCE", price.value());
        return broker.refresh();
    }

    @Override
    protected Instant sessionTime() {
        return Instant.parse("2026-11-27T05:00:00Z");
    }
}
