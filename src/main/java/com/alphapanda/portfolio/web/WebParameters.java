package com.alphapanda.portfolio.web;

import com.alphapanda.core.event.Broker;
import com.alphapanda.core.id.StrategyId;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** Parses request parameters into domain types; an invalid value is a 400 problem naming the parameter. */
final class WebParameters {

    private WebParameters() {
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

    /** An integer parameter within [min, max]; anything else is a 400. */
    static int integer(String name, String value, int min, int max) {
        String message = name + " must be an integer from " + min + " to " + max;
        int parsed;
        try {
            parsed = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(message, e);
        }
        if (parsed < min || parsed > max) {
            throw new IllegalArgumentException(message);
        }
        return parsed;
    }
}
