package com.alphapanda.execution.zerodha;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** Kite access tokens expire at 06:00 IST: the first 06:00 in Kolkata after the login. */
final class KiteSessionExpiry {

    static final ZoneId IST = ZoneId.of("Asia/Kolkata");
    private static final LocalTime EXPIRY = LocalTime.of(6, 0);

    private KiteSessionExpiry() {
    }

    static Instant after(Instant login) {
        ZonedDateTime at = login.atZone(IST);
        ZonedDateTime sameDay = at.with(EXPIRY).withSecond(0).withNano(0);
        return (sameDay.isAfter(at) ? sameDay : sameDay.plusDays(1)).toInstant();
    }
}
