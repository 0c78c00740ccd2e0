package com.alphapanda.portfolio;

import com.alphapanda.core.id.InstrumentToken;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * How a portfolio is valued from its account and positions, shared by the Redis read model and the in-memory
 * {@link PortfolioBook}: a position is marked at its last tick price (else its average price while open); realized,
 * unrealized and market value are the positions' sums; net PnL = realized + unrealized − fees; total value = cash +
 * market value.
 */
final class PortfolioValuation {

    private PortfolioValuation() {
    }

    static PortfolioView.PositionView position(InstrumentToken token, Position p, BigDecimal mark, BigDecimal fees) {
        BigDecimal used = mark != null ? mark : p.quantity() == 0 ? null : p.averagePrice();
        return new PortfolioView.PositionView(token, p.quantity(), p.averagePrice(), used,
                used == null ? BigDecimal.ZERO : p.marketValueAt(used), p.realized(),
                used == null ? BigDecimal.ZERO : p.unrealizedAt(used), fees);
    }

    static PortfolioView view(PortfolioKey key, BigDecimal startingCash, BigDecimal cash, BigDecimal fees,
                              long fillCount, String lastFillId, List<PortfolioView.PositionView> positions,
                              Instant at) {
        BigDecimal marketValue = sum(positions, PortfolioView.PositionView::marketValue);
        BigDecimal realized = sum(positions, PortfolioView.PositionView::realizedPnl);
        BigDecimal unrealized = sum(positions, PortfolioView.PositionView::unrealizedPnl);
        return new PortfolioView(key.broker(), key.strategyId(), startingCash, cash, marketValue,
                cash.add(marketValue), realized, unrealized, fees, realized.add(unrealized).subtract(fees), fillCount,
                lastFillId, positions, at);
    }

    private static BigDecimal sum(List<PortfolioView.PositionView> positions,
                                  Function<PortfolioView.PositionView, BigDecimal> field) {
        return positions.stream().map(field).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
