package com.alphapanda.monitoring;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The NSE regular session, 09:15–15:30 Asia/Kolkata on weekdays (both ends inclusive), judged on the instant given
 * (never on the server's time zone). Holidays are not known here; the instrument feature's NSE calendar replaces
 * this once it is available.
 */
final class NseSessionHours implements MarketHours {

    private static final ZoneId IST = ZoneId.of("Asia/Kolkata");
    private static final LocalTime OPEN = LocalTime.of(9, 15);
    private static final LocalTime CLOSE = LocalTime.of(15, 30);

    @Override
    public boolean isOpen(Instant at) {
        ZonedDateTime local = at.atZone(IST);
        DayOfWeek day = local.getDayOfWeek();
        LocalTime time = local.toLocalTime();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !time.isBefore(OPEN) && !time.isAfter(CLOSE);
    }
}
