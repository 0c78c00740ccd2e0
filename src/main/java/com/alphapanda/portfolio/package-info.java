/**
 * The portfolio manager: the fills ledger (each fill applied exactly once), positions and PnL per broker and
 * strategy, the order view, and the Redis read model. See {@code docs/portfolio.md}.
 */
package com.alphapanda.portfolio;
