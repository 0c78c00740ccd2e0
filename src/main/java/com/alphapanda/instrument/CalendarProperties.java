package com.alphapanda.instrument;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Under {@code alpha-panda.calendar}.
 *
 * @param extraHolidays exchange holidays to add to the bundled list (ISO dates, e.g. a special closure)
 */
@Validated
@ConfigurationProperties("alpha-panda.calendar")
public record CalendarProperties(@NotNull @DefaultValue List<@NotNull LocalDate> extraHolidays) {
}
