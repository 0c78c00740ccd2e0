package com.alphapanda.portfolio;

import com.alphapanda.core.event.Broker;
import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.core.id.StrategyId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The read model of one portfolio, stored as JSON (snake_case, amounts as decimal strings) under
 * {@code {broker}:portfolio:{strategyId}} and served by {@code GET /api/v1/portfolios/{broker}/{strategyId}}.
 * {@code netPnl} = realized + unrealized − fees; {@code totalValue} = cash + market value of the positions.
 */
public record PortfolioView(
        Broker broker,
        StrategyId strategyId,
        BigDecimal startingCash,
        BigDecimal cash,
        BigDecimal marketValue,
        BigDecimal totalValue,
        BigDecimal realizedPnl,
        BigDecimal unrealizedPnl,
        BigDecimal fees,
        BigDecimal netPnl,
        long fillCount,
        String lastFillId,
        List<PositionView> positions,
        Instant updatedAt) {

    /** One instrument: signed quantity, average price (null when flat), the mark used, PnL and fees. */
    public record PositionView(InstrumentToken instrumentToken, long quantity, BigDecimal averagePrice,
                               BigDecimal lastPrice, BigDecimal marketValue, BigDecimal realizedPnl,
                               BigDecimal unrealizedPnl, BigDecimal fees) {
    }

    /** The summary stored in the {@code {broker}:portfolios} hash and listed by {@code GET /api/v1/portfolios}. */
    public record Summary(Broker broker, StrategyId strategyId, BigDecimal cash, BigDecimal totalValue,
                          BigDecimal realizedPnl, BigDecimal unrealizedPnl, BigDecimal fees, BigDecimal netPnl,
                          int openPositions, long fillCount, Instant updatedAt) {
    }

    Summary summary() {
        int open = (int) positions.stream().filter(p -> p.quantity() != 0).count();
        return new Summary(broker, strategyId, cash, totalValue, realizedPnl, unrealizedPnl, fees, netPnl, open,
                fillCount, updatedAt);
    }
}
