package com.alphapanda.strategy;

import com.alphapanda.core.event.Broker;
import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.core.id.StrategyId;
import com.alphapanda.core.json.EventJson;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;

/** Reads and upserts {@code strategy_configurations}. */
final class StrategyStore {

    private static final TypeReference<List<Long>> TOKENS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private final JdbcClient jdbc;

    StrategyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A row read back: a definition, or why the row itself is unusable (e.g. an invalid token). */
    record Row(String id, StrategyDefinition definition, String problem) {
    }

    List<Row> findAll() {
        return jdbc.sql("""
                SELECT id, strategy_type, instruments::text AS instruments, parameters::text AS parameters,
                       is_active, target_brokers, jsonb_array_length(instruments) AS instrument_count,
                       octet_length(parameters::text) AS parameters_bytes
                FROM strategy_configurations ORDER BY id
                """).query((rs, n) -> row(rs)).list();
    }

    java.util.Optional<Row> find(StrategyId id) {
        return jdbc.sql("""
                SELECT id, strategy_type, instruments::text AS instruments, parameters::text AS parameters,
                       is_active, target_brokers, jsonb_array_length(instruments) AS instrument_count,
                       octet_length(parameters::text) AS parameters_bytes
                FROM strategy_configurations WHERE id = :id
                """).param("id", id.value()).query((rs, n) -> row(rs)).optional();
    }

    /** Inserts a new strategy; false when one with this id exists. */
    boolean insert(StrategyDefinition d) {
        return bind(jdbc.sql("""
                INSERT INTO strategy_configurations (id, strategy_type, instruments, parameters, is_active,
                                                     target_brokers)
                VALUES (:id, :type, CAST(:instruments AS jsonb), CAST(:parameters AS jsonb), :active,
                        CAST(:brokers AS text[]))
                ON CONFLICT (id) DO NOTHING
                """), d).update() == 1;
    }

    /** Replaces a strategy's parameters; false when it does not exist. */
    boolean updateParameters(StrategyId id, Map<String, Object> parameters) {
        return jdbc.sql("""
                UPDATE strategy_configurations SET parameters = CAST(:parameters AS jsonb), updated_at = now()
                WHERE id = :id""")
                .param("id", id.value()).param("parameters", EventJson.mapper().writeValueAsString(parameters))
                .update() == 1;
    }

    /** Enables or disables a strategy; false when it does not exist. */
    boolean setActive(StrategyId id, boolean active) {
        return jdbc.sql("UPDATE strategy_configurations SET is_active = :active, updated_at = now() WHERE id = :id")
                .param("id", id.value()).param("active", active).update() == 1;
    }

    /** Deletes a strategy; false when it does not exist. */
    boolean delete(StrategyId id) {
        return jdbc.sql("DELETE FROM strategy_configurations WHERE id = :id").param("id", id.value()).update() == 1;
    }

    void upsert(StrategyDefinition d) {
        bind(jdbc.sql("""
                INSERT INTO strategy_configurations (id, strategy_type, instruments, parameters, is_active,
                                                     target_brokers)
                VALUES (:id, :type, CAST(:instruments AS jsonb), CAST(:parameters AS jsonb), :active,
                        CAST(:brokers AS text[]))
                ON CONFLICT (id) DO UPDATE SET strategy_type = EXCLUDED.strategy_type,
                    instruments = EXCLUDED.instruments, parameters = EXCLUDED.parameters,
                    is_active = EXCLUDED.is_active, target_brokers = EXCLUDED.target_brokers, updated_at = now()
                """), d).update();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, StrategyDefinition d) {
        return statement.param("id", d.id().value())
                .param("type", d.type())
                .param("instruments", EventJson.mapper().writeValueAsString(
                        d.instruments().stream().map(InstrumentToken::value).toList()))
                .param("parameters", EventJson.mapper().writeValueAsString(d.parameters()))
                .param("active", d.active())
                .param("brokers", d.targetBrokers().stream().map(Broker::id)
                        .collect(Collectors.joining(",", "{", "}")));
    }

    private static Row row(ResultSet rs) throws SQLException {
        String id = rs.getString("id");
        String oversized = oversized(rs);
        if (oversized != null) {
            return new Row(id, null, "strategy '" + id + "' rejected: " + oversized);
        }
        try {
            List<InstrumentToken> tokens = EventJson.mapper().readValue(rs.getString("instruments"), TOKENS)
                    .stream().map(InstrumentToken::of).toList();
            Map<String, Object> parameters = EventJson.mapper().readValue(rs.getString("parameters"), OBJECT);
            return new Row(id, new StrategyDefinition(StrategyId.of(id), rs.getString("strategy_type"), tokens,
                    parameters, rs.getBoolean("is_active"), brokers(rs.getArray("target_brokers"))), null);
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            return new Row(id, null, "strategy '" + id + "' rejected: " + e.getMessage());
        }
    }

    /** Why a stored row is too large to even parse (bounds checked in SQL, before reading it), or null. */
    private static String oversized(ResultSet rs) throws SQLException {
        int instruments = rs.getInt("instrument_count");
        if (instruments > StrategyLimits.MAX_INSTRUMENTS) {
            return instruments + " instruments, at most " + StrategyLimits.MAX_INSTRUMENTS + " are allowed";
        }
        int bytes = rs.getInt("parameters_bytes");
        if (bytes > StrategyLimits.MAX_PARAMETERS_BYTES) {
            return "parameters of " + bytes + " bytes, at most " + StrategyLimits.MAX_PARAMETERS_BYTES
                    + " are allowed";
        }
        return null;
    }

    private static List<Broker> brokers(Array array) throws SQLException {
        List<Broker> brokers = new ArrayList<>();
        Arrays.stream((String[]) array.getArray()).map(Broker::fromId).forEach(brokers::add);
        return brokers;
    }
}
