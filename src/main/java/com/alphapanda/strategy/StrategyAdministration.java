package com.alphapanda.strategy;

import com.alphapanda.core.id.StrategyId;
import com.alphapanda.portfolio.PortfolioQueries;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Changes {@code strategy_configurations} on behalf of an operator (the REST API): every write is validated against
 * the strategy types and their parameters first ({@link InvalidStrategyException} lists every problem and what is
 * allowed), then stored and applied to this instance's runner at once; other instances pick it up within their
 * reload interval. No restart is needed.
 */
public final class StrategyAdministration {

    /**
     * A stored strategy: its definition (null when the row itself is unusable), whether this instance runs it, and
     * why it cannot run (null when it can).
     */
    public record StrategyState(String id, StrategyDefinition definition, boolean running, String problem) {
    }

    /** A strategy type and the parameters it accepts, with their defaults (null: none). */
    public record StrategyType(String type, Map<String, String> parameters) {
    }

    private final StrategyStore store;
    private final StrategyCatalog catalog;
    private final StrategyValidation validation;
    private final PortfolioQueries portfolios;
    private final StrategyRoster roster;
    private final StrategyReloader reloader;

    StrategyAdministration(StrategyStore store, StrategyValidation validation, PortfolioQueries portfolios,
                           StrategyRoster roster, StrategyReloader reloader) {
        this.store = store;
        this.catalog = validation.catalog();
        this.validation = validation;
        this.portfolios = portfolios;
        this.roster = roster;
        this.reloader = reloader;
    }

    public List<StrategyState> all() {
        return store.findAll().stream().map(this::state).toList();
    }

    public Optional<StrategyState> find(StrategyId id) {
        return store.find(id).map(this::state);
    }

    public List<StrategyType> types() {
        return catalog.types().stream().map(t -> new StrategyType(t, catalog.parameters(t))).toList();
    }

    /**
     * Validates and stores a new strategy; empty when one with this id exists already.
     *
     * @throws InvalidStrategyException naming every problem with the type or the parameters
     */
    public Optional<StrategyState> create(StrategyDefinition definition) {
        validation.check(definition);
        if (!store.insert(definition)) {
            return Optional.empty();
        }
        return applied(definition.id());
    }

    /**
     * Replaces a strategy's parameters after validating them against its type; empty when it does not exist.
     *
     * @throws InvalidStrategyException naming every problem with the parameters
     */
    public Optional<StrategyState> updateParameters(StrategyId id, Map<String, Object> parameters) {
        Optional<StrategyStore.Row> row = store.find(id);
        if (row.isEmpty()) {
            return Optional.empty();
        }
        String type = row.get().definition() != null ? row.get().definition().type() : null;
        if (type == null) {
            throw new IllegalArgumentException(row.get().problem());
        }
        validation.checkParameters(id, type, parameters);
        store.updateParameters(id, parameters == null ? Map.of() : parameters);
        return applied(id);
    }

    /** Enables or disables a strategy; empty when it does not exist. */
    public Optional<StrategyState> setActive(StrategyId id, boolean active) {
        return store.setActive(id, active) ? applied(id) : Optional.empty();
    }

    /**
     * Deletes a strategy; false when it does not exist.
     *
     * @throws StrategyNotFlatException while it has open positions or resting orders (flatten it first)
     */
    public boolean delete(StrategyId id) {
        PortfolioQueries.Exposure exposure = portfolios.openExposure(id);
        if (!exposure.isFlat()) {
            throw new StrategyNotFlatException(id, exposure.openPositions(), exposure.restingOrders());
        }
        boolean deleted = store.delete(id);
        if (deleted) {
            reloader.reload();
        }
        return deleted;
    }

    private Optional<StrategyState> applied(StrategyId id) {
        reloader.reload();
        return find(id);
    }

    private StrategyState state(StrategyStore.Row row) {
        StrategyDefinition d = row.definition();
        if (d == null) {
            return new StrategyState(row.id(), null, false, row.problem());
        }
        String problem = null;
        try {
            catalog.build(d.id().value(), d.type(), d.parameters());
        } catch (InvalidStrategyException e) {
            problem = e.getMessage();
        }
        return new StrategyState(row.id(), d, roster.runs(d.id()), problem);
    }
}
