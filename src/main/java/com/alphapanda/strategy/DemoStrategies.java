package com.alphapanda.strategy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The first-run demo's strategies ({@code demo/strategies.yml}: the reference's default templates on the bundled
 * instruments, ids prefixed {@code demo_}). Seeded once, into an empty database, when the demo is active
 * (development, {@code alpha-panda.demo} true); the seeding is recorded, so strategies deleted later stay deleted.
 */
final class DemoStrategies {

    static final String RESOURCE = "/demo/strategies.yml";
    private static final Logger log = LoggerFactory.getLogger(DemoStrategies.class);

    private final JdbcClient jdbc;
    private final Clock clock;

    DemoStrategies(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Seeds the demo strategies if this database never had them and has no strategy; returns the ids seeded. */
    List<String> seedIfFresh() {
        if (jdbc.sql("SELECT count(*) FROM demo_seeding").query(Long.class).single() > 0) {
            return List.of();
        }
        if (jdbc.sql("SELECT count(*) FROM strategy_configurations").query(Long.class).single() > 0) {
            log.info("Demo: strategies exist already, no demo strategies added");
            return List.of();
        }
        StrategyLoad.Result result;
        try (InputStream in = DemoStrategies.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            result = new StrategyLoad(jdbc).load(new InputStreamReader(in, StandardCharsets.UTF_8), RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        result.rejected().forEach(r -> log.warn("Demo strategy rejected: {}", r));
        jdbc.sql("INSERT INTO demo_seeding (id, seeded_at, strategies) VALUES (1, :at, :ids) ON CONFLICT DO NOTHING")
                .param("at", clock.instant().atOffset(ZoneOffset.UTC))
                .param("ids", String.join(",", result.loaded())).update();
        log.info("Demo: seeded {} demo strategies on the bundled instruments: {} (development only; "
                + "--alpha-panda.demo=false turns the demo off)", result.loaded().size(), result.loaded());
        return result.loaded();
    }
}
