/**
 * Tick sources and their publication to {@code market.ticks}: a {@link com.alphapanda.marketfeed.TickSource}
 * (simulated, replay; the live Kite feed plugs in the same way) hands ticks to a bounded queue without ever blocking on
 * Kafka; one publisher thread drains it. Chosen by {@code alpha-panda.market-feed.source}.
 */
package com.alphapanda.marketfeed;
