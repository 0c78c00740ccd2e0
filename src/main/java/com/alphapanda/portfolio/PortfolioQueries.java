package com.alphapanda.portfolio;

import com.alphapanda.core.event.Broker;
import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.core.id.StrategyId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * What other features may ask the portfolio manager, answered from the fills ledger (PostgreSQL), so the answer is
 * the position built from real fills and survives restarts. The risk manager uses it for position, open-position
 * and daily-loss limits.
 */
public interface PortfolioQueries {

    /** The open (non-zero) positions of a portfolio, by instrument. */
    Map<InstrumentToken, Holding> holdings(Broker broker, StrategyId strategyId);

    /** Realized PnL (gross of fees) of the fills of a portfolio whose IST trading date is {@code tradeDate}. */
    BigDecimal realizedOn(Broker broker, StrategyId strategyId, LocalDate tradeDate);

    /** The configured starting cash of a portfolio. */
    BigDecimal startingCash(Broker broker, StrategyId strategyId);

    /** What a strategy still holds or has working, over every broker: open positions and resting orders. */
    Exposure openExposure(StrategyId strategyId);

    /** Open (non-zero) positions and resting (open or partially filled) orders of a strategy. */
    record Exposure(int openPositions, int restingOrders) {

        public boolean isFlat() {
            return openPositions == 0 && restingOrders == 0;
        }
    }

    /** A signed position quantity with its cost; {@code costBasis} = quantity × average price. */
    record Holding(long quantity, BigDecimal costBasis) {

        /** Unrealized PnL at a mark price. */
        public BigDecimal unrealizedAt(BigDecimal mark) {
            return BigDecimal.valueOf(quantity).multiply(mark).subtract(costBasis);
        }
    }
}
