package com.alphapanda.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphapanda.core.id.InstrumentToken;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class InstrumentFileTest {

    @Test
    void theBundledUniverseHasTheReferencesTwentyNseInstruments() {
        assertThat(InstrumentUniverse.bundled()).hasSize(20).allMatch(i -> i.exchange().equals("NSE"));
        assertThat(InstrumentUniverse.bundledTokens()).contains(InstrumentToken.of(256265), InstrumentToken.of(738561),
                InstrumentToken.of(2714625));
        assertThat(InstrumentUniverse.bundled()).filteredOn(i -> i.token().value() == 177665).singleElement()
                .extracting(Instrument::tradingSymbol).isEqualTo("TITAN");
    }

    @Test
    void aKiteDumpIsReadWithMalformedRowsReportedByLineNumber() {
        String dump = """
                instrument_token,exchange_token,tradingsymbol,name,last_price,expiry,strike,tick_size,lot_size,instrument_type,segment,exchange
                738561,2885,RELIANCE,"RELIANCE INDUSTRIES, LTD",0,,0,0.05,1,EQ,NSE,NSE
                12345,48,NIFTY26JANFUT,NIFTY,0,2026-01-27,0,0.05,75,FUT,NFO-FUT,NFO
                abc,1,X,X,0,,0,0.05,1,EQ,NSE,NSE
                99,1,X,X,0,27-01-2026,0,0.05,1,EQ,NSE,NSE
                98,1,X,X
                97,1,,X,0,,0,0.05,1,EQ,NSE,NSE
                """;

        InstrumentFile.Parsed parsed = InstrumentFile.readKiteDump(
                new ByteArrayInputStream(dump.getBytes(StandardCharsets.UTF_8)));

        assertThat(parsed.instruments()).hasSize(2);
        Instrument reliance = parsed.instruments().getFirst();
        assertThat(reliance.name()).isEqualTo("RELIANCE INDUSTRIES, LTD");
        assertThat(reliance.tickSize()).isEqualByComparingTo("0.05");
        assertThat(parsed.instruments().get(1).expiry()).hasToString("2026-01-27");
        assertThat(parsed.errors()).extracting(Object::toString).containsExactly(
                "line 4: instrument_token 'abc' is not a number",
                "line 5: expiry '27-01-2026' is not a date (expected YYYY-MM-DD)",
                "line 6: expected 12 columns (" + String.join(",", InstrumentFile.KITE_COLUMNS) + "), found 4",
                "line 7: tradingsymbol is empty");
    }
}
