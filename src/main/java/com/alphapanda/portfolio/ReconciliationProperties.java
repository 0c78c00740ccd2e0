package com.alphapanda.portfolio;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * PnL reconciliation under {@code alpha-panda.reconciliation}.
 *
 * @param autoTolerance largest absolute drift (INR) of any amount that is still {@code reconciled} automatically
 *                      (rounding only); anything larger is a discrepancy
 */
@Validated
@ConfigurationProperties("alpha-panda.reconciliation")
public record ReconciliationProperties(@NotNull @DecimalMin("0") @DefaultValue("0.01") BigDecimal autoTolerance) {
}
