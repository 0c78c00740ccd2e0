package com.alphapanda.marketfeed;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphapanda.core.platform.InvalidConfigurationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayConfigurationTest {

    private static MarketFeedProperties.Replay replay(Path file, String speed) {
        return new MarketFeedProperties.Replay(file, speed, Duration.ofSeconds(10), Duration.ofSeconds(1));
    }

    @Test
    void aMissingReplayFileIsAStartUpErrorNamingIt(@TempDir Path dir) {
        Path missing = dir.resolve("nothing.csv");

        assertThatThrownBy(() -> MarketFeedConfiguration.replay(replay(missing, "1.0")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage("invalid configuration: alpha-panda.market-feed.replay.file='" + missing
                        + "' is not allowed; expected an existing file");
    }

    @Test
    void aReplayFileWithoutAValidLineIsAStartUpError(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("bad.csv"), "timestamp,instrument_token,last_price\nx,y,z\n");

        assertThatThrownBy(() -> MarketFeedConfiguration.replay(replay(file, "max")))
                .hasMessageContaining("expected a file with at least one valid tick line (1 malformed)");
    }

    @Test
    void anInvalidSpeedIsAStartUpError(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("ok.csv"), "2026-01-05T10:00:00+05:30,1,10\n");

        assertThatThrownBy(() -> MarketFeedConfiguration.replay(replay(file, "fast")))
                .hasMessageContaining("alpha-panda.market-feed.replay.speed='fast'");
    }
}
