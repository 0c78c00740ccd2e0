package com.alphapanda.instrument;

import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
class InstrumentConfiguration {

    @Bean
    NseCalendar nseCalendar(CalendarProperties properties) {
        return NseCalendar.withBundledHolidays().withAdditionalHolidays(Set.copyOf(properties.extraHolidays()));
    }

    @Bean
    UniverseSeeding universeSeeding(JdbcTemplate jdbcTemplate) {
        return new UniverseSeeding(new InstrumentStore(jdbcTemplate));
    }

    @Bean
    InstrumentRegistry instrumentRegistry(JdbcClient jdbcClient) {
        return new InstrumentRegistry(jdbcClient);
    }

    @Bean
    InstrumentSearch instrumentSearch(JdbcClient jdbcClient) {
        return new InstrumentSearch(jdbcClient);
    }
}
