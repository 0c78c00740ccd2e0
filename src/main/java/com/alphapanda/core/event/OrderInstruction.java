package com.alphapanda.core.event;

import com.alphapanda.core.money.Price;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * How a signal should be executed: order type, time in force, limit and stop prices, and an optional bracket
 * (take-profit and stop-loss as fractions of the entry price, e.g. {@code 0.02} for 2 %). Replaces the reference's
 * untyped {@code metadata} keys {@code order_type, tif, limit_price, stop_price, bracket, take_profit_pct,
 * stop_loss_pct}.
 */
public record OrderInstruction(OrderType orderType, TimeInForce tif, Price limitPrice, Price stopPrice,
                               Bracket bracket) {

    public static final OrderInstruction MARKET_DAY =
            new OrderInstruction(OrderType.MARKET, TimeInForce.DAY, null, null, null);

    public OrderInstruction {
        Objects.requireNonNull(orderType, "order_type");
        tif = tif == null ? TimeInForce.DAY : tif;
        boolean needsLimit = orderType == OrderType.LIMIT || orderType == OrderType.STOP_LIMIT;
        boolean needsStop = orderType == OrderType.STOP || orderType == OrderType.STOP_LIMIT;
        if (needsLimit && limitPrice == null) {
            throw new IllegalArgumentException(orderType.wireName() + " order needs limit_price");
        }
        if (needsStop && stopPrice == null) {
            throw new IllegalArgumentException(orderType.wireName() + " order needs stop_price");
        }
    }

    /** Take-profit and stop-loss distances as positive fractions of the entry price. */
    public record Bracket(BigDecimal takeProfitPct, BigDecimal stopLossPct) {
        public Bracket {
            if (takeProfitPct != null && takeProfitPct.signum() <= 0) {
                throw new IllegalArgumentException("take_profit_pct must be positive");
            }
            if (stopLossPct != null && stopLossPct.signum() <= 0) {
                throw new IllegalArgumentException("stop_loss_pct must be positive");
            }
        }
    }
}
