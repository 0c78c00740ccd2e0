package com.alphapanda.operator.web;

import com.alphapanda.core.event.Broker;
import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.core.id.StrategyId;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** Parses path values into domain types; an invalid value is a 400 problem naming it. */
final class OperatorParameters {

    private static final Pattern ORDER_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private OperatorParameters() {
    }

    static Broker broker(String value) {
        try {
            return Broker.fromId(value);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "broker: " + e.getMessage());
        }
    }

    static StrategyId strategy(String value) {
        try {
            return StrategyId.of(value);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "strategy: " + e.getMessage());
        }
    }

    static InstrumentToken instrument(String value) {
        try {
            return InstrumentToken.of(Long.parseLong(value));
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "instrument token must be a positive whole number, was '" + value + "'");
        }
    }

    static String orderId(String value) {
        if (value == null || !ORDER_ID.matcher(value).matches()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "order id must be 1-64 of letters, digits, '.', '_', ':' or '-'");
        }
        return value;
    }
}
