package com.alphapanda.execution.zerodha;

import java.time.Duration;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Sends one {@code POST /orders/regular} within Kite's order limits: waits for the next calendar second or minute
 * when the limiter says so, refuses when the day's cap is reached, and sorts Kite's answer into placed, refused
 * (definitive) or unknown. A refused token invalidates the session.
 */
final class RateLimitedSender {

    /** The result of one send. */
    sealed interface Sent {
        record Placed(String orderId) implements Sent {
        }

        record Refused(String code, String message) implements Sent {
        }

        record Unknown(String message) implements Sent {
        }
    }

    /** Waits (a seam for tests that must not sleep). */
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final OrderRateLimiter limiter;
    private final Sleeper sleeper;
    private final BiConsumer<String, String> tokenRefused;

    RateLimitedSender(OrderRateLimiter limiter, Sleeper sleeper, BiConsumer<String, String> tokenRefused) {
        this.limiter = limiter;
        this.sleeper = sleeper;
        this.tokenRefused = tokenRefused;
    }

    Sent send(KiteOrders kite, Map<String, String> form) {
        while (true) {
            switch (limiter.tryAcquire()) {
                case OrderRateLimiter.Decision.Granted granted -> {
                    return interpret(kite, kite.place(form));
                }
                case OrderRateLimiter.Decision.Wait wait -> pause(wait.duration());
                case OrderRateLimiter.Decision.DayCapReached cap -> {
                    return new Sent.Refused("RATE_LIMIT_DAILY_CAP", "Kite's daily cap of " + cap.cap()
                            + " orders for this account is reached; no more orders today");
                }
            }
        }
    }

    private Sent interpret(KiteOrders kite, KiteResult result) {
        return switch (result) {
            case KiteResult.Ok ok when !ok.data().path("order_id").asString("").isBlank() ->
                    new Sent.Placed(ok.data().path("order_id").asString());
            case KiteResult.Ok ok -> new Sent.Unknown("Kite answered without an order_id");
            case KiteResult.Refused refused -> {
                if (refused.error() == KiteResult.KiteError.TOKEN) {
                    tokenRefused.accept(kite.accessToken(), "TokenException: " + refused.message());
                }
                yield new Sent.Refused(refused.error().reasonCode(), "Kite refused the order: " + refused.message());
            }
            case KiteResult.Ambiguous ambiguous -> new Sent.Unknown(ambiguous.error() + ": " + ambiguous.message());
        };
    }

    private void pause(Duration wait) {
        try {
            sleeper.sleep(wait.isNegative() ? Duration.ZERO : wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KiteUnavailableException("interrupted while waiting for Kite's order rate limit");
        }
    }
}
