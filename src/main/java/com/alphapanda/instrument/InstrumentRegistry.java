package com.alphapanda.instrument;

import com.alphapanda.core.id.InstrumentToken;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The trading universe: the bundled instruments (always seeded) and every instrument subscribed in
 * {@code instrument_registry} (e.g. by {@code ./alpha-panda instruments import}). Strategies may only trade these.
 */
public final class InstrumentRegistry {

    private final JdbcClient jdbc;

    public InstrumentRegistry(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The tokens outside the universe, in the given order (empty when all are in it). */
    public List<InstrumentToken> outsideUniverse(Collection<InstrumentToken> tokens) {
        Set<InstrumentToken> known = new HashSet<>(InstrumentUniverse.bundledTokens());
        List<InstrumentToken> rest = tokens.stream().filter(t -> !known.contains(t)).distinct().toList();
        if (rest.isEmpty()) {
            return rest;
        }
        Long[] values = rest.stream().map(InstrumentToken::value).toArray(Long[]::new);
        Set<Long> subscribed = new HashSet<>(jdbc.sql("""
                SELECT instrument_token FROM instrument_registry
                WHERE is_subscribed AND instrument_token = ANY (:tokens)""")
                .param("tokens", values).query(Long.class).list());
        return rest.stream().filter(t -> !subscribed.contains(t.value())).toList();
    }
}
