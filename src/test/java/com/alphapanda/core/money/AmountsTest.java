package com.alphapanda.core.money;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AmountsTest {

    @ParameterizedTest(name = "{0} is written {1}")
    @CsvSource({
        "990.7000000000, 990.70",
        "990.20465, 990.20465",
        "0E-10, 0.00",
        "0, 0.00",
        "-12.5, -12.50",
        "1E+3, 1000.00",
        "2500.05, 2500.05",
        "0.0354000, 0.0354"})
    void anAmountIsExactPlainWithAtLeastTwoDecimalsAndNoTrailingZerosBeyond(String value, String text) {
        assertThat(Amounts.text(new BigDecimal(value))).isEqualTo(text);
        assertThat(new BigDecimal(text)).isEqualByComparingTo(value);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"100.05", "0.01"})
    void pricesAndMoneyUseTheSameForm(String value) {
        assertThat(Amounts.text(Price.of(value))).isEqualTo(Amounts.text(Money.of(value)))
                .isEqualTo(Amounts.text(new BigDecimal(value)));
    }
}
