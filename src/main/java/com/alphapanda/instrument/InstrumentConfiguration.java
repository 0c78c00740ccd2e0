package com.alphapanda.instrument;

import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class InstrumentConfiguration {

    @Bean
    NseCalendar nseCalendar(CalendarProperties properties) {
        return NseCalendar.withBundledHolidays().withAdditionalHolidays(Set.copyOf(properties.extraHolidays()));
    }
}
