package com.alphapanda.database;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SchemaConfiguration {

    @Bean
    FlywayMigrationStrategy schemaManagement(SchemaManagementProperties properties, MeterRegistry meters) {
        return new SchemaManagement(properties.schemaManagement(), meters);
    }
}
