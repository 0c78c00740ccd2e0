package com.alphapanda.marketfeed;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import com.alphapanda.core.platform.CrossCheckedProperties;
import com.alphapanda.core.platform.InvalidConfigurationException;
import com.alphapanda.core.platform.PlatformProperties;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Under {@code alpha-panda.market-feed}.
 *
 * @param source        {@code simulated} (default of {@code run}), {@code replay}, {@code kite} (KiteTicker; needs the
 *                      zerodha broker and a Kite session) or {@code none} (publish nothing)
 * @param queueCapacity size of the bounded hand-off between the source and Kafka; ticks beyond it are dropped
 */
@Validated
@ConfigurationProperties("alpha-panda.market-feed")
public record MarketFeedProperties(
        @NotNull @DefaultValue("simulated") Source source,
        @Min(1) @DefaultValue("10000") int queueCapacity,
        @Valid @NotNull @DefaultValue Simulated simulated,
        @Valid @NotNull @DefaultValue Replay replay,
        @Valid @NotNull @DefaultValue Kite kite) implements CrossCheckedProperties {

    /** A replay is checked with the rest of the configuration, before any server starts: file, then speed. */
    @Override
    public void check(PlatformProperties platform) {
        if (source == Source.REPLAY) {
            replay.check();
        }
    }

    /** The tick sources this build offers. */
    public enum Source {
        NONE, SIMULATED, REPLAY, KITE
    }

    /**
     * @param seed         random seed: the same seed gives the same prices
     * @param tickInterval one tick per instrument per interval (wall clock and simulated event time alike)
     * @param instruments  instrument tokens to simulate; empty means the bundled 20 NSE instruments
     * @param startPrice   the first price of every instrument without an entry in {@code startPrices}
     * @param startPrices  first price per instrument token
     * @param drift        drift of the log price per tick
     * @param volatility   standard deviation of the log price change per tick
     * @param start        event time of the first tick (default: where the stored session clock stopped, or now if in
     *                     a session, else the latest session open)
     * @param sessionStep  simulated event time per tick (default: {@code tickInterval}, or ten times it in the demo)
     */
    public record Simulated(
            @DefaultValue("42") long seed,
            @NotNull @DurationMin(millis = 1) @DefaultValue("1s") Duration tickInterval,
            @NotNull @DefaultValue List<Long> instruments,
            @NotNull @DecimalMin(value = "0", inclusive = false) @DefaultValue("1000") BigDecimal startPrice,
            @NotNull @DefaultValue Map<Long, BigDecimal> startPrices,
            @NotNull @DefaultValue("0") BigDecimal drift,
            @NotNull @DecimalMin("0") @DefaultValue("0.001") BigDecimal volatility,
            Instant start,
            @DurationMin(millis = 1) Duration sessionStep) {
    }

    /**
     * @param file             the CSV or JSONL file to replay
     * @param speed            {@code max} or a positive factor of real time (default 1.0)
     * @param progressInterval how often progress is logged
     * @param maxWait          how long the replay waits for room in the hand-off before dropping a tick
     */
    public record Replay(
            Path file,
            @NotNull @DefaultValue("1.0") String speed,
            @NotNull @DurationMin(millis = 1) @DefaultValue("10s") Duration progressInterval,
            @NotNull @DurationMin(millis = 0) @DefaultValue("10s") Duration maxWait) {

        void check() {
            String property = "alpha-panda.market-feed.replay.file";
            if (file == null) {
                throw new InvalidConfigurationException(property, null, "the CSV or JSONL file to replay");
            }
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                throw new InvalidConfigurationException(property, file.toString(), "an existing, readable file");
            }
            try {
                ReplaySpeed.parse(speed);
            } catch (IllegalArgumentException e) {
                throw new InvalidConfigurationException("alpha-panda.market-feed.replay.speed", speed,
                        "'max' or a positive number");
            }
        }
    }

    /**
     * The {@code kite} source (docs/market-data.md).
     *
     * @param instruments      instrument tokens to subscribe; empty means the bundled 20 NSE instruments
     * @param mode             {@code ltp}, {@code quote} or {@code full}
     * @param silentTimeout    a connection with no data and no heartbeat for this long is dropped and reopened
     * @param connectTimeout   WebSocket connect timeout
     * @param reconnectInitial first reconnect delay; doubled after each failed attempt
     * @param reconnectMax     longest reconnect delay
     * @param batchSize        instruments per subscribe/mode message
     */
    public record Kite(
            @NotNull @DefaultValue List<Long> instruments,
            @NotNull @DefaultValue("full") com.alphapanda.core.event.MarketTick.TickMode mode,
            @NotNull @DefaultValue("10s") Duration silentTimeout,
            @NotNull @DefaultValue("10s") Duration connectTimeout,
            @NotNull @DefaultValue("2s") Duration reconnectInitial,
            @NotNull @DefaultValue("60s") Duration reconnectMax,
            @Min(1) @jakarta.validation.constraints.Max(3000) @DefaultValue("500") int batchSize) {
    }
}
