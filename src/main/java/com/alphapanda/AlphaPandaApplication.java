package com.alphapanda;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The Alpha Panda platform: every service in one Spring Boot application. Started by {@code com.alphapanda.cli.AlphaPandaCommand}. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AlphaPandaApplication {
}
