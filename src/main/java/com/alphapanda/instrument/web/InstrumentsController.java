package com.alphapanda.instrument.web;

import com.alphapanda.core.money.Amounts;
import com.alphapanda.core.web.ApiPage;
import com.alphapanda.core.web.PageRequest;
import com.alphapanda.instrument.Instrument;
import com.alphapanda.instrument.InstrumentSearch;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/instruments?symbol=RELI&exchange=NSE&page=0&size=50}: instruments by trading symbol. */
@RestController
class InstrumentsController {

    private static final Pattern SYMBOL = Pattern.compile("[A-Za-z0-9&._ -]{1,50}");
    private static final Pattern EXCHANGE = Pattern.compile("[A-Za-z_]{1,10}");

    private final InstrumentSearch search;

    InstrumentsController(InstrumentSearch search) {
        this.search = search;
    }

    /** One instrument found; decimals as strings. */
    record InstrumentView(long instrumentToken, String tradingSymbol, String name, String exchange, String segment,
                          String instrumentType, Long exchangeToken, String lastPrice, String tickSize,
                          Integer lotSize, LocalDate expiry, String strike, boolean subscribed) {

        static InstrumentView of(InstrumentSearch.Found found) {
            Instrument i = found.instrument();
            return new InstrumentView(i.token().value(), i.tradingSymbol(), i.name(), i.exchange(), i.segment(),
                    i.instrumentType(), i.exchangeToken(), plain(i.lastPrice()), plain(i.tickSize()), i.lotSize(),
                    i.expiry(), plain(i.strike()), found.subscribed());
        }

        private static String plain(BigDecimal value) {
            return Amounts.text(value);
        }
    }

    @Operation(summary = "Search instruments by trading symbol (prefix matches first, then contains)")
    @GetMapping("/api/v1/instruments")
    ApiPage<InstrumentView> search(
                @Parameter(description = "part of the trading symbol, case-insensitive") @RequestParam String symbol,
                @Parameter(description = "e.g. NSE, BSE, NFO") @RequestParam(required = false) String exchange,
                @Parameter(description = "page from 0") @RequestParam(required = false) String page,
                @Parameter(description = "1-500, default 50") @RequestParam(required = false) String size) {
        if (!SYMBOL.matcher(symbol.strip()).matches()) {
            throw new IllegalArgumentException("symbol must be 1-50 letters, digits, spaces or '&._-', was '"
                    + symbol + "'");
        }
        if (exchange != null && !EXCHANGE.matcher(exchange.strip()).matches()) {
            throw new IllegalArgumentException("exchange must be 1-10 letters, was '" + exchange + "'");
        }
        PageRequest request = PageRequest.parse(page, size);
        Optional<String> e = Optional.ofNullable(exchange);
        return ApiPage.of(search.bySymbol(symbol, e, request.offset(), request.size()).stream()
                .map(InstrumentView::of).toList(), request, search.count(symbol, e));
    }
}
