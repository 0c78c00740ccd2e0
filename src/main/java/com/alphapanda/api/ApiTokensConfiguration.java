package com.alphapanda.api;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
class ApiTokensConfiguration {

    @Bean
    ApiTokens apiTokens(JdbcClient jdbc, Clock clock) {
        return new ApiTokens(jdbc, clock);
    }
}
