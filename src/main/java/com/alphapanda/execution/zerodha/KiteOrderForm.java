package com.alphapanda.execution.zerodha;

import com.alphapanda.core.event.OrderInstruction;
import com.alphapanda.core.id.EventId;
import com.alphapanda.execution.OrderRequest;
import com.alphapanda.instrument.Instrument;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code POST /orders/regular} form of an order request: MARKET orders (and SL-M) always carry
 * {@code market_protection}, every order carries the {@code tag} derived from the validated signal's id and, when
 * configured, the exchange's {@code algo_id}.
 */
final class KiteOrderForm {

    static final int TAG_LENGTH = 20;

    private KiteOrderForm() {
    }

    /** Kite's tag (alphanumeric, at most 20 characters): the last 20 hex digits of the signal's UUID (80 bits). */
    static String tagOf(EventId signalId) {
        String hex = signalId.value().toString().replace("-", "");
        return hex.substring(hex.length() - TAG_LENGTH);
    }

    /** Why Kite cannot take this request, if it cannot. */
    static Optional<String[]> unsupported(OrderRequest request) {
        OrderInstruction instruction = request.instruction();
        if (instruction.tif() == com.alphapanda.core.event.TimeInForce.FOK) {
            return Optional.of(new String[] {"UNSUPPORTED_TIME_IN_FORCE", "Kite has no fill-or-kill orders"});
        }
        if (instruction.bracket() != null) {
            return Optional.of(new String[] {"UNSUPPORTED_BRACKET",
                "Kite has no bracket orders for this platform; send the exits as separate signals"});
        }
        return Optional.empty();
    }

    static Map<String, String> of(OrderRequest request, Instrument instrument, String tag,
                                  ZerodhaProperties properties) {
        OrderInstruction instruction = request.instruction();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("tradingsymbol", instrument.tradingSymbol());
        form.put("exchange", instrument.exchange().toUpperCase(Locale.ROOT));
        form.put("transaction_type", request.side().name());
        form.put("quantity", Long.toString(request.quantity().value()));
        form.put("product", properties.product().name());
        form.put("validity", instruction.tif().name());
        form.put("tag", tag);
        switch (instruction.orderType()) {
            case MARKET -> form.put("order_type", "MARKET");
            case LIMIT -> {
                form.put("order_type", "LIMIT");
                form.put("price", instruction.limitPrice().value().toPlainString());
            }
            case STOP -> {
                form.put("order_type", "SL-M");
                form.put("trigger_price", instruction.stopPrice().value().toPlainString());
            }
            case STOP_LIMIT -> {
                form.put("order_type", "SL");
                form.put("price", instruction.limitPrice().value().toPlainString());
                form.put("trigger_price", instruction.stopPrice().value().toPlainString());
            }
        }
        if (form.get("order_type").equals("MARKET") || form.get("order_type").equals("SL-M")) {
            form.put("market_protection", Integer.toString(properties.marketProtection()));
        }
        if (properties.algoId() != null) {
            form.put("algo_id", properties.algoId());
        }
        return form;
    }
}
