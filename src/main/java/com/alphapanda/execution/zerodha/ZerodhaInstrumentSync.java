package com.alphapanda.execution.zerodha;

import com.alphapanda.instrument.InstrumentImport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Refreshes the instrument master from Kite's instrument dump ({@code GET /instruments}, CSV) through the existing
 * import (rows upserted by token, malformed rows reported and skipped): {@code ./alpha-panda instruments sync}, and
 * at 08:45 IST on weekdays while the zerodha broker is enabled and logged in.
 */
public final class ZerodhaInstrumentSync {

    private static final Logger log = LoggerFactory.getLogger(ZerodhaInstrumentSync.class);

    private final KiteHttp kite;
    private final KiteSessions sessions;
    private final InstrumentImport instruments;

    ZerodhaInstrumentSync(KiteHttp kite, KiteSessions sessions, InstrumentImport instruments) {
        this.kite = kite;
        this.sessions = sessions;
        this.instruments = instruments;
    }

    /** A sync for the command line, on the platform's database and the stored Kite session. */
    public static ZerodhaInstrumentSync standalone(ZerodhaProperties properties, JdbcTemplate jdbc) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(properties.requestTimeout()).build();
        return new ZerodhaInstrumentSync(new KiteHttp(http, properties.apiUrl(), properties.apiKey(),
                properties.requestTimeout().multipliedBy(6)),
                new KiteSessions(properties, JdbcClient.create(jdbc), Clock.systemUTC()), new InstrumentImport(jdbc));
    }

    /** Downloads and imports the dump; an {@link IllegalStateException} saying why when it cannot. */
    public InstrumentImport.Result sync() {
        if (!(sessions.state() instanceof SessionState.Active active)) {
            throw new IllegalStateException("cannot download Kite's instruments: "
                    + ((SessionState.Unavailable) sessions.state()).reason());
        }
        Path file = null;
        try {
            file = Files.createTempFile("kite-instruments-", ".csv");
            switch (kite.download("instruments", active.accessToken(), file)) {
                case KiteResult.Ok ok -> {
                    return instruments.importFile(file, false);
                }
                case KiteResult.Refused refused -> throw new IllegalStateException("Kite refused the instrument "
                        + "download: " + refused.message() + " (" + refused.error() + ")");
                case KiteResult.Ambiguous ambiguous -> throw new IllegalStateException("Kite's instrument download "
                        + "failed: " + ambiguous.message());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the instrument download to a temporary file", e);
        } finally {
            deleteQuietly(file);
        }
    }

    @Scheduled(cron = "0 45 8 * * MON-FRI", zone = "Asia/Kolkata")
    void beforeTheOpen() {
        if (sessions.state() instanceof SessionState.Active) {
            try {
                InstrumentImport.Result result = sync();
                log.info("Kite instrument dump imported: {} instrument(s), {} malformed row(s) skipped",
                        result.imported(), result.skipped().size());
            } catch (IllegalStateException | UncheckedIOException e) {
                log.warn("Daily Kite instrument sync failed: {}", e.getMessage());
            }
        } else {
            log.warn("Daily Kite instrument sync skipped: no Kite session");
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                log.debug("temporary file {} not deleted: {}", file, e.getMessage());
            }
        }
    }
}
