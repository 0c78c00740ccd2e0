package com.alphapanda.execution.paper;

import com.alphapanda.core.id.InstrumentToken;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The paper venue under {@code alpha-panda.paper} (defaults are the reference's). {@code charges} selects the fee
 * model: {@code commission} (a flat {@code commission-percent} of the notional) or {@code indian-equity} (brokerage,
 * STT, exchange transaction charges, SEBI fee, stamp duty and GST for {@code indian-product} delivery or intraday).
 * {@code starting-cash} should equal {@code alpha-panda.portfolio.starting-cash}: the venue and the portfolio keep
 * their own books. {@code tick-size} (default 0.05, NSE equities) is the grid of every fill price and bracket level.
 */
@Validated
@ConfigurationProperties("alpha-panda.paper")
public record PaperTradingProperties(
        @NotNull @DecimalMin("0") @DefaultValue("0.05") BigDecimal slippagePercent,
        @NotNull @DefaultValue("commission") Charges charges,
        @NotNull @DecimalMin("0") @DefaultValue("0.1") BigDecimal commissionPercent,
        @NotNull @DefaultValue("delivery") IndianEquityCharges.Product indianProduct,
        @NotNull @DecimalMin("0") @DefaultValue("1000000") BigDecimal startingCash,
        Map<String, @NotNull BigDecimal> strategyStartingCash,
        @NotNull @DecimalMin("0") @DecimalMax("1") @DefaultValue("0") BigDecimal partialFillProbability,
        @Min(1) @DefaultValue("3") int maxPartials,
        @Min(1) @DefaultValue("1") long minQuantity,
        @Min(1) Long maxQuantity,
        @NotNull @DecimalMin("0") @DefaultValue("0") BigDecimal minPrice,
        @DecimalMin("0") BigDecimal maxPrice,
        List<Long> allowedInstruments,
        @DecimalMin("0") BigDecimal maxPositionNotional,
        @DefaultValue("false") boolean allowShortSelling,
        @NotNull @DefaultValue("0ms") Duration latency,
        @NotNull @DecimalMin(value = "0", inclusive = false) @DefaultValue("0.05") BigDecimal tickSize) {

    /** The fee models. */
    public enum Charges {
        COMMISSION, INDIAN_EQUITY
    }

    PaperSettings settings() {
        ChargesModel model = switch (charges) {
            case COMMISSION -> new CommissionCharges(commissionPercent);
            case INDIAN_EQUITY -> new IndianEquityCharges(indianProduct);
        };
        int perMillion = partialFillProbability.movePointRight(6).intValue();
        return new PaperSettings(slippagePercent, model, startingCash,
                strategyStartingCash == null ? Map.of() : strategyStartingCash, perMillion, maxPartials, minQuantity,
                maxQuantity, minPrice, maxPrice,
                allowedInstruments == null ? java.util.Set.of()
                        : allowedInstruments.stream().map(InstrumentToken::of).collect(Collectors.toSet()),
                maxPositionNotional, allowShortSelling, latency, tickSize);
    }
}
