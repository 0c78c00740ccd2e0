package com.alphapanda.strategy;

import com.alphapanda.core.event.Broker;
import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.core.id.StrategyId;
import java.io.Reader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads strategies from YAML in the reference's template format: one strategy per document (several documents
 * separated by {@code ---} allowed), a list of them, or a {@code strategies:} list. Keys: {@code strategy_name} (or
 * {@code id}), {@code strategy_type} (or {@code strategy_class}), {@code enabled}, {@code brokers},
 * {@code instrument_tokens} (or {@code instruments}), {@code parameters}; {@code description}, {@code tags},
 * {@code risk_limits}, {@code module_name} and {@code use_composition} are accepted and ignored. Decimal numbers are
 * taken by their written text (YAML's binary float is converted back through its shortest decimal form).
 */
final class StrategyYaml {

    private static final List<String> ALLOWED = List.of("strategy_name", "id", "strategy_type", "strategy_class",
            "enabled", "brokers", "instrument_tokens", "instruments", "parameters", "description", "tags",
            "risk_limits", "module_name", "use_composition");

    private StrategyYaml() {
    }

    /** One entry of the file: a definition, or the problem that keeps it out, with its position. */
    record Entry(String name, StrategyDefinition definition, String problem) {
    }

    /** Reads every entry; a syntax error of the whole file is an {@link IllegalArgumentException}. */
    static List<Entry> read(Reader reader, String source) {
        List<Map<?, ?>> items = new ArrayList<>();
        try {
            for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(reader)) {
                collect(document, items, source);
            }
        } catch (YAMLException e) {
            throw new IllegalArgumentException(source + " is not valid YAML: " + e.getMessage(), e);
        }
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            entries.add(entry(items.get(i), source + " entry " + (i + 1)));
        }
        return entries;
    }

    private static void collect(Object document, List<Map<?, ?>> items, String source) {
        if (document == null) {
            return;
        }
        if (document instanceof Map<?, ?> map && map.containsKey("strategies") && map.size() == 1) {
            collect(map.get("strategies"), items, source);
        } else if (document instanceof Map<?, ?> map) {
            items.add(map);
        } else if (document instanceof List<?> list) {
            list.forEach(item -> collect(item, items, source));
        } else {
            throw new IllegalArgumentException(source + ": expected a strategy mapping or a list of them");
        }
    }

    private static Entry entry(Map<?, ?> item, String position) {
        Object name = first(item, "strategy_name", "id");
        String label = name == null ? position : position + " (" + name + ")";
        try {
            for (Object key : item.keySet()) {
                if (!ALLOWED.contains(String.valueOf(key))) {
                    throw new IllegalArgumentException("unknown key '" + key + "' (allowed: "
                            + String.join(", ", ALLOWED) + ")");
                }
            }
            return new Entry(label, definition(item, name), null);
        } catch (IllegalArgumentException | ClassCastException | NullPointerException e) {
            return new Entry(label, null, label + " rejected: " + e.getMessage());
        }
    }

    private static StrategyDefinition definition(Map<?, ?> item, Object name) {
        if (name == null) {
            throw new IllegalArgumentException("strategy_name is missing");
        }
        Object type = first(item, "strategy_type", "strategy_class");
        if (type == null) {
            throw new IllegalArgumentException("strategy_type is missing");
        }
        Object enabled = item.containsKey("enabled") ? item.get("enabled") : Boolean.TRUE;
        if (!(enabled instanceof Boolean active)) {
            throw new IllegalArgumentException("enabled must be true or false, was '" + enabled + "'");
        }
        return new StrategyDefinition(StrategyId.of(name.toString()), type.toString(), tokens(item),
                parameters(item.get("parameters")), active, brokers(item.get("brokers")));
    }

    private static List<InstrumentToken> tokens(Map<?, ?> item) {
        Object raw = first(item, "instrument_tokens", "instruments");
        List<?> list = raw == null ? List.of() : raw instanceof List<?> l ? l : List.of(raw);
        List<InstrumentToken> tokens = new ArrayList<>();
        for (Object value : list) {
            try {
                tokens.add(InstrumentToken.of(Long.parseLong(value.toString().strip())));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("instrument token '" + value + "' is not a number");
            }
        }
        return tokens;
    }

    private static List<Broker> brokers(Object raw) {
        if (raw == null) {
            return List.of(Broker.PAPER);
        }
        List<?> list = raw instanceof List<?> l ? l : List.of(raw.toString().split(","));
        return list.stream().map(b -> Broker.fromId(b.toString())).toList();
    }

    private static Map<String, Object> parameters(Object raw) {
        if (raw == null) {
            return Map.of();
        }
        if (!(raw instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("parameters must be a mapping");
        }
        Map<String, Object> result = new LinkedHashMap<>();
        map.forEach((k, v) -> result.put(k.toString(), decimalsExact(v)));
        return result;
    }

    private static Object decimalsExact(Object value) {
        if (value instanceof Double || value instanceof Float) {
            return new BigDecimal(value.toString());
        }
        if (value instanceof Map<?, ?> map) {
            return parameters(map);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(StrategyYaml::decimalsExact).toList();
        }
        return value;
    }

    private static Object first(Map<?, ?> item, String key, String alternative) {
        return item.get(key) != null ? item.get(key) : item.get(alternative);
    }
}
