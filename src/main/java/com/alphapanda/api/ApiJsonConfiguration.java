package com.alphapanda.api;

import com.alphapanda.core.money.Amounts;
import com.alphapanda.core.money.Money;
import com.alphapanda.core.money.Price;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.function.Function;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * The JSON of the REST API and of the live stream (both written by Spring's mapper): camelCase field names (the
 * Jackson default, so records need no annotations), absent values (null, empty Optional) omitted (never {@code null}
 * members), every decimal (amounts, prices, confidences) a string in the one form of {@link Amounts}, and enum values
 * in request bodies read in any case. Events on Kafka keep their own mapping
 * ({@link com.alphapanda.core.json.EventJson}, snake_case); the stream re-writes them in this one.
 */
@Configuration(proxyBeanMethods = false)
class ApiJsonConfiguration {

    @Bean
    JsonMapperBuilderCustomizer apiJson() {
        return builder -> builder.addModule(amounts()).enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                .changeDefaultPropertyInclusion(inclusion -> inclusion
                        .withValueInclusion(JsonInclude.Include.NON_ABSENT)
                        .withContentInclusion(JsonInclude.Include.NON_ABSENT));
    }

    /** Serializers writing decimals, {@link Money} and {@link Price} as {@link Amounts#text} strings. */
    static SimpleModule amounts() {
        return new SimpleModule("alpha-panda-api-amounts")
                .addSerializer(BigDecimal.class, new AmountSerializer<>(BigDecimal.class, Amounts::text))
                .addSerializer(Money.class, new AmountSerializer<>(Money.class, Amounts::text))
                .addSerializer(Price.class, new AmountSerializer<>(Price.class, Amounts::text));
    }

    private static final class AmountSerializer<T> extends StdSerializer<T> {
        private final Function<T, String> text;

        AmountSerializer(Class<T> type, Function<T, String> text) {
            super(type);
            this.text = text;
        }

        @Override
        public void serialize(T value, JsonGenerator gen, SerializationContext ctxt) {
            gen.writeString(text.apply(value));
        }
    }
}
