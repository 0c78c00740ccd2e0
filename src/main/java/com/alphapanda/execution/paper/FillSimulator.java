package com.alphapanda.execution.paper;

import com.alphapanda.core.event.SignalType;
import com.alphapanda.core.event.TimeInForce;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/** The paper venue's pure execution model: prices, triggers, guardrails, sizing and partial splits. */
final class FillSimulator {

    /** A refusal: stable code and the reference's message. */
    record Failure(String code, String message) {
    }

    /** How much of an order can execute now, or why none of it can. */
    record Sizing(long quantity, Failure failure) {
        static Sizing ok(long quantity) {
            return new Sizing(quantity, null);
        }

        static Sizing fail(String code, String message) {
            return new Sizing(0, new Failure(code, message));
        }
    }

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final PaperSettings settings;

    FillSimulator(PaperSettings settings) {
        this.settings = settings;
    }

    /**
     * The market price moved against the trader by the slippage and put on the tick grid against the trader (a buy
     * rounded up, a sell down), capped at the limit for limit orders (a cap off the grid is rounded into the limit).
     */
    BigDecimal executionPrice(PaperOrder order, BigDecimal market) {
        BigDecimal price = marketPrice(order.side, market);
        if (!order.actsAsLimit()) {
            return price;
        }
        BigDecimal limit = order.instruction.limitPrice().value();
        if (order.side == SignalType.BUY) {
            return price.compareTo(limit) > 0 ? onTick(SignalType.SELL, limit) : price;
        }
        return price.compareTo(limit) < 0 ? onTick(SignalType.BUY, limit) : price;
    }

    /** A market execution: the price slipped against the trader, on the tick grid against the trader. */
    BigDecimal marketPrice(SignalType side, BigDecimal market) {
        BigDecimal slip = settings.slippagePercent().divide(HUNDRED);
        BigDecimal slipped = side == SignalType.BUY ? market.multiply(BigDecimal.ONE.add(slip))
                : market.multiply(BigDecimal.ONE.subtract(slip));
        return onTick(side, slipped);
    }

    /** A price on the tick grid in the trader's disfavour: what they buy at rounded up, sell at rounded down. */
    BigDecimal onTick(SignalType side, BigDecimal price) {
        return onTick(side, price, settings.tickSize());
    }

    static BigDecimal onTick(SignalType side, BigDecimal price, BigDecimal tick) {
        BigDecimal rounded = price.divide(tick, 0, side == SignalType.BUY ? RoundingMode.CEILING : RoundingMode.FLOOR)
                .multiply(tick);
        return rounded.signum() > 0 ? rounded : tick;
    }

    /** A BUY limit crosses when the market is at or below it, a SELL limit when at or above. */
    static boolean crosses(PaperOrder order, BigDecimal market) {
        int cmp = market.compareTo(order.instruction.limitPrice().value());
        return order.side == SignalType.BUY ? cmp <= 0 : cmp >= 0;
    }

    /** A BUY stop triggers when the market is at or above it, a SELL stop when at or below. */
    static boolean stopTriggered(PaperOrder order, BigDecimal market) {
        int cmp = market.compareTo(order.instruction.stopPrice().value());
        return order.side == SignalType.BUY ? cmp >= 0 : cmp <= 0;
    }

    /** The order guardrails, in the reference's order. */
    Optional<Failure> guardrails(PaperOrder order, BigDecimal market) {
        if (market == null) {
            return Optional.of(new Failure("NO_MARKET_PRICE", "No market price for instrument " + order.token));
        }
        BigDecimal price = order.announcedPrice() != null ? order.announcedPrice().value() : market;
        if (price.compareTo(settings.minPrice()) < 0) {
            return Optional.of(new Failure("PRICE_BELOW_MINIMUM", "Price below minimum"));
        }
        if (settings.maxPrice() != null && price.compareTo(settings.maxPrice()) > 0) {
            return Optional.of(new Failure("PRICE_ABOVE_MAXIMUM", "Price above maximum"));
        }
        if (!settings.allowedInstruments().isEmpty() && !settings.allowedInstruments().contains(order.token)) {
            return Optional.of(new Failure("INSTRUMENT_NOT_ALLOWED", "Instrument not allowed"));
        }
        if (order.quantity < Math.max(1, settings.minQuantity())) {
            return Optional.of(new Failure("QUANTITY_BELOW_MINIMUM", "Quantity below minimum"));
        }
        if (settings.maxQuantity() != null && order.quantity > settings.maxQuantity()) {
            return Optional.of(new Failure("QUANTITY_ABOVE_MAXIMUM", "Quantity exceeds maximum"));
        }
        return Optional.empty();
    }

    /** How much of the order's remainder cash, the position-notional cap and the holdings allow at this price. */
    Sizing size(PaperOrder order, BigDecimal price, PaperAccount account) {
        TimeInForce tif = order.instruction.tif();
        long wanted = order.remaining();
        if (order.side == SignalType.BUY) {
            Sizing cash = bound(wanted, affordable(account.cash(), price), tif, "INSUFFICIENT_CASH",
                    "Insufficient cash", "FOK insufficient cash");
            if (cash.failure() != null || settings.maxPositionNotional() == null) {
                return cash;
            }
            long held = Math.max(0, account.held(order.token));
            long cap = settings.maxPositionNotional().divide(price, 0, RoundingMode.FLOOR).longValue() - held;
            return bound(cash.quantity(), cap, tif, "MAX_POSITION_NOTIONAL", "Exceeds max position notional",
                    "FOK exceeds max position notional");
        }
        if (settings.allowShortSelling()) {
            return Sizing.ok(wanted);
        }
        return bound(wanted, Math.max(0, account.held(order.token)), tif, "INSUFFICIENT_POSITION",
                "No position to sell", "FOK exceeds position size");
    }

    private static Sizing bound(long wanted, long max, TimeInForce tif, String code, String message,
                                String fokMessage) {
        if (max >= wanted) {
            return Sizing.ok(wanted);
        }
        if (max <= 0) {
            return Sizing.fail(code, message);
        }
        return switch (tif) {
            case FOK -> Sizing.fail(code, fokMessage);
            case IOC -> Sizing.ok(max);
            case DAY -> Sizing.fail(code, message);
        };
    }

    /** The most shares cash buys at this price including their charges. */
    long affordable(BigDecimal cash, BigDecimal price) {
        if (cash.signum() <= 0) {
            return 0;
        }
        BigDecimal unit = price.multiply(BigDecimal.ONE.add(settings.charges().rate(SignalType.BUY)));
        long quantity = cash.divide(unit, 0, RoundingMode.FLOOR).longValue();
        while (quantity > 0 && price.multiply(BigDecimal.valueOf(quantity))
                .add(settings.charges().feesFor(SignalType.BUY, quantity, price)).compareTo(cash) > 0) {
            quantity--;
        }
        return quantity;
    }

    /** One part, or (with the configured chance) 2..maxPartials random parts of at least 1 each. */
    List<Long> split(long quantity, SplittableRandom rng) {
        int maxParts = (int) Math.min(settings.maxPartials(), quantity);
        if (maxParts < 2 || rng.nextInt(1_000_000) >= settings.partialFillPerMillion()) {
            return List.of(quantity);
        }
        int parts = rng.nextInt(2, maxParts + 1);
        List<Long> sizes = new ArrayList<>();
        long left = quantity;
        for (int i = 0; i < parts - 1; i++) {
            long part = rng.nextLong(1, left - (parts - 1 - i) + 1);
            sizes.add(part);
            left -= part;
        }
        sizes.add(left);
        return sizes;
    }
}
