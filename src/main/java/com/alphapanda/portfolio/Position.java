package com.alphapanda.portfolio;

import com.alphapanda.core.event.SignalType;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One instrument's position under the average-cost method. {@code quantity} is signed (negative when short);
 * {@code costBasis} is the signed cost of the open quantity (quantity × average price). Realized PnL is gross of fees.
 * <p>
 * Money rule (docs/portfolio.md): every amount is an exact decimal; the one division, the cost released when a
 * position is partly closed, is carried at {@link #COST_SCALE} decimals, and closing the whole remaining quantity
 * releases the remaining cost exactly, so a round trip's realized PnL is exact.
 */
public record Position(long quantity, BigDecimal costBasis, BigDecimal realized) {

    /** Decimal places of the cost released by a partial close and of the average price. */
    public static final int COST_SCALE = 10;

    public static final Position FLAT = new Position(0, BigDecimal.ZERO, BigDecimal.ZERO);

    /** The result of applying a fill: the new position and the PnL that fill realized. */
    public record Applied(Position position, BigDecimal realizedDelta) {
    }

    /** Applies a fill of {@code qty} at {@code price}; a fill crossing zero closes the old side and opens the new. */
    public Applied apply(SignalType side, long qty, BigDecimal price) {
        if (qty <= 0) {
            throw new IllegalArgumentException("fill quantity must be positive, was " + qty);
        }
        long delta = switch (side) {
            case BUY -> qty;
            case SELL -> -qty;
            case HOLD -> throw new IllegalArgumentException("a fill is a BUY or a SELL");
        };
        if (quantity == 0 || Long.signum(quantity) == Long.signum(delta)) {
            BigDecimal cost = costBasis.add(BigDecimal.valueOf(delta).multiply(price));
            return new Applied(new Position(quantity + delta, cost, realized), BigDecimal.ZERO);
        }
        long closing = Math.min(Math.abs(delta), Math.abs(quantity));
        BigDecimal released = closing == Math.abs(quantity) ? costBasis
                : costBasis.multiply(BigDecimal.valueOf(closing))
                        .divide(BigDecimal.valueOf(Math.abs(quantity)), COST_SCALE, RoundingMode.HALF_EVEN);
        BigDecimal closedValue = BigDecimal.valueOf(closing).multiply(price);
        BigDecimal pnl = quantity > 0 ? closedValue.subtract(released) : released.negate().subtract(closedValue);
        long afterClose = quantity + Long.signum(delta) * closing;
        BigDecimal cost = costBasis.subtract(released);
        long opening = Math.abs(delta) - closing;
        if (opening > 0) {
            afterClose += Long.signum(delta) * opening;
            cost = cost.add(BigDecimal.valueOf(Long.signum(delta) * opening).multiply(price));
        }
        return new Applied(new Position(afterClose, cost, realized.add(pnl)), pnl);
    }

    /** The average price of the open quantity, or null when flat. */
    public BigDecimal averagePrice() {
        return quantity == 0 ? null
                : costBasis.divide(BigDecimal.valueOf(quantity), COST_SCALE, RoundingMode.HALF_EVEN).stripTrailingZeros();
    }

    /** Unrealized PnL at a mark price: quantity × mark − cost (zero when flat). */
    public BigDecimal unrealizedAt(BigDecimal mark) {
        return quantity == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(quantity).multiply(mark).subtract(costBasis);
    }

    /** Market value at a mark price (negative when short). */
    public BigDecimal marketValueAt(BigDecimal mark) {
        return BigDecimal.valueOf(quantity).multiply(mark);
    }

    /** The cash a fill moves: −(qty × price) − fees for a BUY, +(qty × price) − fees for a SELL. */
    public static BigDecimal cashFlow(SignalType side, long qty, BigDecimal price, BigDecimal fees) {
        BigDecimal notional = BigDecimal.valueOf(qty).multiply(price);
        return (side == SignalType.BUY ? notional.negate() : notional).subtract(fees);
    }
}
