package com.alphapanda.marketfeed;

import com.alphapanda.instrument.MarketPhase;
import com.alphapanda.instrument.NseCalendar;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;

/**
 * Says which trading day the simulated feed stands for, and why (the market is closed now, or the session clock runs
 * ahead): once in the log at start-up, and under {@code simulatedSession} in {@code /actuator/info}.
 */
final class SimulatedSessionInfo implements InfoContributor {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMM uuuu", Locale.ENGLISH);
    private static final Duration SESSION_LENGTH = Duration.ofMinutes(375);

    private final SimulatedSession session;
    private final NseCalendar calendar;
    private final Clock clock;
    private final Duration interval;
    private final Duration step;

    SimulatedSessionInfo(SimulatedSession session, NseCalendar calendar, Clock clock, Duration interval,
                         Duration step) {
        this.session = session;
        this.calendar = calendar;
        this.clock = clock;
        this.interval = interval;
        this.step = step;
    }

    SimulatedSession session() {
        return session;
    }

    Duration step() {
        return step;
    }

    @Override
    public void contribute(Info.Builder builder) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("sessionTime", session.now().toString());
        details.put("tradingDate", session.tradingDate().toString());
        details.put("marketOpenNow", marketOpenNow());
        details.put("wallClockDate", today().toString());
        details.put("speed", speed());
        details.put("note", describe());
        builder.withDetail("simulatedSession", details);
    }

    /** One sentence for the log and the info endpoint. */
    String describe() {
        LocalDate standsFor = session.tradingDate();
        LocalDate today = today();
        String why;
        if (!calendar.isTradingDay(today)) {
            why = "the market is closed today (" + DAY.format(today) + " is a weekend day or an NSE holiday)";
        } else if (!marketOpenNow()) {
            why = "the market is closed now (outside 09:15-15:30 IST)";
        } else if (!standsFor.equals(today)) {
            why = "the simulated clock runs ahead of the wall clock";
        } else {
            why = "the market is open now";
        }
        return "Simulated feed: " + why + "; the simulated session stands for " + DAY.format(standsFor)
                + " (session clock " + session.now().atZone(NseCalendar.IST).toLocalTime() + " IST), "
                + (speed() == 1 ? "in real time" : speed() + " times faster than real time (a trading day in "
                + minutes(SESSION_LENGTH.dividedBy(speed())) + ")") + "; the day rolls over at the 15:30 close";
    }

    private boolean marketOpenNow() {
        return calendar.phaseAt(clock.instant()) == MarketPhase.OPEN;
    }

    private LocalDate today() {
        return clock.instant().atZone(NseCalendar.IST).toLocalDate();
    }

    private long speed() {
        return Math.max(1, step.toMillis() / Math.max(1, interval.toMillis()));
    }

    private static String minutes(Duration d) {
        return d.toMinutes() + " min" + (d.toSecondsPart() == 0 ? "" : " " + d.toSecondsPart() + " s");
    }
}
