package com.alphapanda;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The Alpha Panda platform: every service in one Spring Boot application. Started by {@link AlphaPandaCli}. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AlphaPandaApplication {
}
