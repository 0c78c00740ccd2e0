package com.alphapanda.execution.zerodha;

import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.instrument.Instrument;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/** Builds the zerodha pieces against a {@link FakeKite} and a {@link ZerodhaTestDatabase}. */
final class ZerodhaFixture {

    static final String ACCESS_TOKEN = "fakeaccesstoken42";
    static final HttpClient HTTP = HttpClient.newHttpClient();

    private ZerodhaFixture() {
    }

    static ZerodhaProperties properties(URI kiteUrl, String algoId) {
        return new ZerodhaProperties(FakeKite.API_KEY, FakeKite.API_SECRET, null, kiteUrl,
                URI.create("https://kite.zerodha.com/connect/login"), URI.create("wss://ws.kite.trade"), algoId,
                Duration.ofMinutes(5), true, -1, Duration.ofSeconds(3), ZerodhaProperties.Product.CNC,
                com.alphapanda.core.event.TradingState.HALTED);
    }

    /** The instrument master as Kite lists RELIANCE (738561) on NSE; other tokens are unknown. */
    static Function<InstrumentToken, Optional<Instrument>> instruments() {
        return token -> token.value() == 738561
                ? Optional.of(Instrument.basic(token, "RELIANCE", "RELIANCE INDUSTRIES", "NSE"))
                : Optional.empty();
    }

    static KiteOrders orders(FakeKite kite, ZerodhaProperties properties) {
        kite.acceptAccessToken(ACCESS_TOKEN);
        return new KiteOrders(new KiteHttp(HTTP, kite.url(), FakeKite.API_KEY, properties.requestTimeout()),
                ACCESS_TOKEN);
    }

    static ZerodhaBroker broker(FakeKite kite, ZerodhaTestDatabase db, ZerodhaProperties properties,
                                OrderRateLimiter limiter) {
        KiteOrders orders = orders(kite, properties);
        RateLimitedSender sender = new RateLimitedSender(limiter, d -> Thread.sleep(d), (token, reason) -> { });
        return new ZerodhaBroker(() -> orders, db.orderBook(), instruments(), sender, properties, Clock.systemUTC());
    }

    static OrderRateLimiter kiteLimits(ZerodhaOrderBook book) {
        return new OrderRateLimiter(Clock.systemUTC(), 10, 400, 5000, () -> 0);
    }
}
