package com.alphapanda.api;

import com.alphapanda.core.money.Money;
import com.alphapanda.core.money.Price;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.media.StringSchema;
import java.math.BigDecimal;
import org.springdoc.core.utils.SpringDocUtils;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document at {@code /v3/api-docs} (UI at {@code /swagger-ui.html}), generated from the controllers. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String BEARER = "bearer";

    static {
        // decimals are written as strings (ApiJsonConfiguration): describe them so
        for (Class<?> decimal : new Class<?>[] {BigDecimal.class, Money.class, Price.class}) {
            SpringDocUtils.getConfig().replaceWithSchema(decimal, new StringSchema().format("decimal").example("990.70")
                    .description("exact decimal, at least two decimals, e.g. 990.70, 0.00, 990.20465"));
        }
    }

    @Bean
    OpenAPI alphaPandaOpenApi(ObjectProvider<BuildProperties> build) {
        BuildProperties properties = build.getIfAvailable();
        return new OpenAPI()
                .info(new Info().title("Alpha Panda API")
                        .version(properties == null ? "dev" : properties.getVersion())
                        .description("Trading platform API. Every route needs a bearer token (viewer: reads; "
                                + "operator: replay, purge, trading state, reconciliation; admin: tokens, strategies)."
                                + " Errors are RFC 9457 problem details."))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").description("An API token")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }
}
