package com.alphapanda.strategy.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/**
 * Reads a JSON object into a map keeping decimal numbers exact ({@link BigDecimal} from their written text, never a
 * binary {@code double}), so {@code "threshold": 0.012} is stored as 0.012. Anything but an object is a 400 naming
 * the field.
 */
final class ExactJsonObject extends ValueDeserializer<Map<String, Object>> {

    @Override
    public Map<String, Object> deserialize(JsonParser p, DeserializationContext ctxt) {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            return ctxt.reportInputMismatch(Map.class, "must be a JSON object, was " + p.currentToken());
        }
        return object(p, ctxt);
    }

    private static Map<String, Object> object(JsonParser p, DeserializationContext ctxt) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (JsonToken t = p.nextToken(); t == JsonToken.PROPERTY_NAME; t = p.nextToken()) {
            String name = p.currentName();
            p.nextToken();
            map.put(name, value(p, ctxt));
        }
        return map;
    }

    private static Object value(JsonParser p, DeserializationContext ctxt) {
        JsonToken token = p.currentToken();
        if (token == null) {
            return ctxt.reportInputMismatch(Object.class, "unexpected end of input");
        }
        return switch (token) {
            case START_OBJECT -> object(p, ctxt);
            case START_ARRAY -> array(p, ctxt);
            case VALUE_STRING -> p.getString();
            case VALUE_NUMBER_INT -> p.getNumberValue();
            case VALUE_NUMBER_FLOAT -> p.getDecimalValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> ctxt.reportInputMismatch(Object.class, "unexpected " + token);
        };
    }

    private static List<Object> array(JsonParser p, DeserializationContext ctxt) {
        List<Object> list = new ArrayList<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            list.add(value(p, ctxt));
        }
        return list;
    }
}
