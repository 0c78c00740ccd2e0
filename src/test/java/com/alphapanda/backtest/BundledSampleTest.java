package com.alphapanda.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphapanda.instrument.InstrumentUniverse;
import com.alphapanda.instrument.NseCalendar;
import com.alphapanda.marketfeed.SimulatedTickFile;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * The bundled sample {@code samples/ticks-sample.csv} is the simulated feed's output for a fixed seed. Regenerate it
 * with {@code ./mvnw -o test -Dtest=BundledSampleTest -Dsample.write=true}.
 */
class BundledSampleTest {

    static final Path SAMPLE = Path.of("samples/ticks-sample.csv");

    static SimulatedTickFile.Parameters parameters() {
        return new SimulatedTickFile.Parameters(42, InstrumentUniverse.bundledTokens(), new BigDecimal("1000"),
                new BigDecimal("0.002"), Duration.ofSeconds(30), LocalDate.of(2026, 1, 5), 3);
    }

    @Test
    void theBundledSampleIsTheSimulatedFeedWithSeed42Regenerated() throws IOException {
        StringWriter generated = new StringWriter();
        long ticks = SimulatedTickFile.write(parameters(), NseCalendar.withBundledHolidays(), generated);
        if (Boolean.getBoolean("sample.write")) {
            Files.writeString(SAMPLE, generated.toString(), StandardCharsets.UTF_8);
        }
        assertThat(ticks).isEqualTo(3 * 750 * 20);
        assertThat(Files.readString(SAMPLE, StandardCharsets.UTF_8)).isEqualTo(generated.toString());
    }
}
