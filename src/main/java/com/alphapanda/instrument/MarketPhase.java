package com.alphapanda.instrument;

/** Where an instant falls in the NSE trading calendar. */
public enum MarketPhase {
    /** Saturday or Sunday. */
    WEEKEND,
    /** A weekday on the exchange's holiday list. */
    HOLIDAY,
    /** 09:00 to 09:15 IST inclusive: the pre-open call auction. */
    PRE_OPEN,
    /** After 09:15 up to 15:30 IST inclusive: the regular session. */
    OPEN,
    /** A trading day outside pre-open and the regular session. */
    CLOSED;

    /** Open for strategy evaluation: the regular session and pre-open, as the reference system decides. */
    public boolean isMarketOpen() {
        return this == OPEN || this == PRE_OPEN;
    }
}
