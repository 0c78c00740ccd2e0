package com.alphapanda.execution.zerodha;

import com.alphapanda.core.event.Broker;
import com.alphapanda.core.event.OrderEvent;
import com.alphapanda.core.event.OrderFailed;
import com.alphapanda.core.event.OrderSubmitted;
import com.alphapanda.core.id.EventId;
import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.execution.BrokerGateway;
import com.alphapanda.execution.BrokerOrder;
import com.alphapanda.execution.OrderRequest;
import com.alphapanda.instrument.Instrument;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Zerodha Kite Connect as a {@link BrokerGateway}. Placement is idempotent by the validated signal's id: the order is
 * reserved in PostgreSQL with its Kite {@code tag} before Kite is called, and an ambiguous outcome (timeout, 5xx, 429)
 * is resolved by looking the tag up at Kite before any resend. Fills are Kite trades, each recorded once by trade id
 * whichever path (the REST answer, a WebSocket update, a postback) reports it first.
 */
final class ZerodhaBroker implements BrokerGateway {

    static final int MAX_SEND_ATTEMPTS = 3;

    private final Supplier<KiteOrders> kite;
    private final ZerodhaOrderBook book;
    private final Function<InstrumentToken, Optional<Instrument>> instruments;
    private final RateLimitedSender sender;
    private final ZerodhaProperties properties;
    private final OrderSync sync;
    private final Clock clock;

    ZerodhaBroker(Supplier<KiteOrders> kite, ZerodhaOrderBook book,
                  Function<InstrumentToken, Optional<Instrument>> instruments, RateLimitedSender sender,
                  ZerodhaProperties properties, Clock clock) {
        this.kite = kite;
        this.book = book;
        this.instruments = instruments;
        this.sender = sender;
        this.properties = properties;
        this.clock = clock;
        this.sync = new OrderSync(book, clock);
    }

    @Override
    public Broker broker() {
        return Broker.ZERODHA;
    }

    @Override
    public synchronized List<OrderEvent> place(OrderRequest request) {
        Optional<ZerodhaOrderBook.Row> existing = book.bySignal(request.signalId());
        if (existing.isPresent() && !existing.get().pending()) {
            return List.of();
        }
        String tag = KiteOrderForm.tagOf(request.signalId());
        if (existing.isEmpty()) {
            Optional<String[]> unsupported = KiteOrderForm.unsupported(request);
            Optional<Instrument> instrument = instruments.apply(request.instrumentToken());
            if (unsupported.isPresent() || instrument.isEmpty()) {
                String[] why = unsupported.orElse(new String[] {"UNKNOWN_INSTRUMENT", "instrument "
                        + request.instrumentToken().value() + " is not in the instrument master"});
                book.reserve(request, tag, clock.instant());
                return List.of(refused(request, why[0], why[1]));
            }
            book.reserve(request, tag, clock.instant());
        } else {
            Optional<String> found = resolveByTag(tag); // a previous attempt's outcome is unknown: ask Kite first
            if (found.isPresent()) {
                return accepted(request, found.get());
            }
        }
        return send(request, tag);
    }

    private List<OrderEvent> send(OrderRequest request, String tag) {
        Instrument instrument = instruments.apply(request.instrumentToken()).orElseThrow(() ->
                new IllegalStateException("instrument " + request.instrumentToken().value() + " disappeared"));
        Map<String, String> form = KiteOrderForm.of(request, instrument, tag, properties);
        for (int attempt = 1; attempt <= MAX_SEND_ATTEMPTS; attempt++) {
            switch (sender.send(kite.get(), form)) {
                case RateLimitedSender.Sent.Placed placed -> {
                    return accepted(request, placed.orderId());
                }
                case RateLimitedSender.Sent.Refused refused -> {
                    return List.of(refused(request, refused.code(), refused.message()));
                }
                case RateLimitedSender.Sent.Unknown unknown -> {
                    Optional<String> found = resolveByTag(tag);
                    if (found.isPresent()) {
                        return accepted(request, found.get());
                    }
                }
            }
        }
        throw new KiteUnavailableException("Kite did not confirm the order of signal " + request.signalId()
                + " after " + MAX_SEND_ATTEMPTS + " attempts (none of them reached Kite's order book)");
    }

    /** The id of the order Kite holds with this tag; empty only when Kite proved there is none. */
    private Optional<String> resolveByTag(String tag) {
        return switch (kite.get().findByTag(tag)) {
            case KiteOrders.Lookup.Found<Optional<KiteOrder>> found -> found.value().map(KiteOrder::orderId);
            case KiteOrders.Lookup.Failed<Optional<KiteOrder>> failed -> throw new KiteUnavailableException(
                    "the outcome of order " + tag + " is unknown and Kite's order book cannot be read: "
                            + failed.result());
        };
    }

    private List<OrderEvent> accepted(OrderRequest request, String orderId) {
        book.placed(request.signalId(), orderId, clock.instant());
        List<OrderEvent> events = new ArrayList<>();
        events.add(new OrderSubmitted(orderId, request.signalId(), request.strategyId(), request.instrumentToken(),
                request.side(), request.quantity(), request.referencePrice(), request.instruction(),
                request.eventTime()));
        events.addAll(sync.sync(kite.get(), book.byOrderId(orderId).orElseThrow()));
        return events;
    }

    private OrderFailed refused(OrderRequest request, String code, String message) {
        book.failed(request.signalId(), code, message, clock.instant());
        return ZerodhaTradingEngine.refuse(request, code, message);
    }

    @Override
    public synchronized List<OrderEvent> cancel(String orderId, Instant at) {
        Optional<ZerodhaOrderBook.Row> row = book.byOrderId(orderId);
        if (row.isEmpty() || !row.get().toBrokerOrder().status().isWorking()) {
            return List.of();
        }
        kite.get().cancel(orderId);
        return sync.sync(kite.get(), row.get());
    }

    /** Brings every working order up to date with Kite; returns the fills and endings found. */
    synchronized List<OrderEvent> refresh() {
        List<OrderEvent> events = new ArrayList<>();
        book.working().stream().filter(r -> r.orderId() != null).forEach(r -> events.addAll(sync.sync(kite.get(), r)));
        return events;
    }

    /** An order update (WebSocket or postback) for one of our orders: brings it up to date with Kite. */
    synchronized List<OrderEvent> onOrderUpdate(String orderId) {
        return book.byOrderId(orderId).map(r -> sync.sync(kite.get(), r)).orElse(List.of());
    }

    @Override
    public Optional<BrokerOrder> findBySignal(EventId signalId) {
        return book.bySignal(signalId).map(ZerodhaOrderBook.Row::toBrokerOrder);
    }

    @Override
    public List<BrokerOrder> openOrders() {
        return book.working().stream().map(ZerodhaOrderBook.Row::toBrokerOrder).toList();
    }
}
