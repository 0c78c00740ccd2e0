package com.alphapanda.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.converter.ConverterFactory;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Enum values in query parameters and paths are case-insensitive ({@code status=pending} and {@code PENDING} are the
 * same); the API documents them in lower case. An unknown value is refused naming the allowed ones.
 */
@Configuration(proxyBeanMethods = false)
class LenientEnums implements WebMvcConfigurer {

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverterFactory(new StringToEnum());
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    static final class StringToEnum implements ConverterFactory<String, Enum> {
        @Override
        public <T extends Enum> Converter<String, T> getConverter(Class<T> targetType) {
            return source -> (T) parse((Class) targetType, source);
        }

        static <E extends Enum<E>> E parse(Class<E> type, String source) {
            String wanted = source.strip().replace('-', '_');
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equalsIgnoreCase(wanted)) {
                    return constant;
                }
            }
            throw new IllegalArgumentException("must be one of " + Arrays.stream(type.getEnumConstants())
                    .map(e -> e.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "))
                    + ", was '" + source + "'");
        }
    }
}
