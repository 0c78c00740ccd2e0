package com.alphapanda.core.platform;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.core.convert.ConversionFailedException;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.env.Environment;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/**
 * Binds and validates configuration before anything is started, and turns every binding or validation failure into
 * an {@link InvalidConfigurationException} naming the property, the bad value and what is allowed.
 */
public final class ConfigurationChecks {

    private static final String ROOT_PACKAGE = "com.alphapanda";
    private static final Pattern HOST_PORT = Pattern.compile("[A-Za-z0-9._\\-\\[\\]:]+:(\\d{1,5})");

    private ConfigurationChecks() {
    }

    /** Binds a validated properties record from the environment (defaults when absent). */
    public static <T> T bind(Environment env, String prefix, Class<T> type) {
        return bind(env, prefix, type, null);
    }

    private static <T> T bind(Environment env, String prefix, Class<T> type, KnownProperties known) {
        try (ValidatorFactory factory = Validation.buildDefaultValidatorFactory()) {
            BindHandler handler = new ValidationBindHandler(new SpringValidatorAdapter(factory.getValidator()));
            if (known != null) {
                handler = known.recording(handler);
            }
            return Binder.get(env).bindOrCreate(prefix, Bindable.of(type), handler);
        } catch (BindException e) {
            throw translate(e);
        }
    }

    /**
     * Binds and validates every {@code @ConfigurationProperties} type of the platform, so that a bad value stops
     * start-up before any server is started; then refuses any {@code alpha-panda.*} property none of them reads.
     */
    public static void validateAll(Environment env) {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        KnownProperties known = new KnownProperties();
        PlatformProperties platform = bind(env, "alpha-panda", PlatformProperties.class, known);
        for (BeanDefinition candidate : scanner.findCandidateComponents(ROOT_PACKAGE)) {
            Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(), ConfigurationChecks.class
                    .getClassLoader());
            ConfigurationProperties annotation = type.getAnnotation(ConfigurationProperties.class);
            Object bound = bind(env, annotation.value().isEmpty() ? annotation.prefix() : annotation.value(), type,
                    known);
            if (bound instanceof CrossCheckedProperties crossChecked) {
                crossChecked.check(platform);
            }
        }
        String unknown = known.firstUnknown(env);
        if (unknown != null) {
            throw new InvalidConfigurationException(unknown, env.getProperty(unknown),
                    "a known property: nothing reads " + unknown + " (see docs/configuration.md for the settings)");
        }
    }

    /** The one-line form of a binding failure. */
    public static InvalidConfigurationException translate(BindException e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof InvalidConfigurationException invalid) {
                return invalid;
            }
        }
        if (e.getCause() instanceof BindValidationException validation) {
            ObjectError error = validation.getValidationErrors().getAllErrors().getFirst();
            String name = validation.getValidationErrors().getName().toString();
            if (error instanceof FieldError field) {
                String property = name + "." + kebab(field.getField());
                String given = validation.getValidationErrors().getBoundProperties().stream()
                        .filter(p -> p.getName().toString().equals(property))
                        .map(p -> String.valueOf(p.getValue()))
                        .findFirst().orElse(String.valueOf(field.getRejectedValue()));
                return new InvalidConfigurationException(property, given,
                        "a value that " + field.getDefaultMessage());
            }
            return new InvalidConfigurationException(name, null, error.getDefaultMessage());
        }
        ConfigurationProperty property = e.getProperty();
        String name = property != null ? property.getName().toString() : e.getName().toString();
        String value = property != null ? String.valueOf(property.getValue()) : null;
        return new InvalidConfigurationException(name, value, allowedFor(e));
    }

    /** Checks the external connection properties that are set, so a malformed one fails at once. */
    public static void checkConnectionProperties(Environment env) {
        String jdbc = env.getProperty("spring.datasource.url");
        if (jdbc != null && !jdbc.startsWith("jdbc:postgresql://")) {
            throw new InvalidConfigurationException("spring.datasource.url", jdbc,
                    "a PostgreSQL JDBC URL such as jdbc:postgresql://db-host:5432/alpha_panda");
        }
        String redis = env.getProperty("spring.data.redis.url");
        if (redis != null && !isRedisUrl(redis)) {
            throw new InvalidConfigurationException("spring.data.redis.url", redis,
                    "a Redis URL such as redis://redis-host:6379 or rediss://user:password@redis-host:6380");
        }
        String kafka = env.getProperty("spring.kafka.bootstrap-servers");
        if (kafka != null && !isHostPortList(kafka)) {
            throw new InvalidConfigurationException("spring.kafka.bootstrap-servers", kafka,
                    "a comma-separated list of host:port, such as redpanda-1:9092,redpanda-2:9092");
        }
    }

    /**
     * Checks {@code server.port} and {@code management.server.port}: a whole number from -1 (no web server) to 65535,
     * and, when fixed, free on this machine, so that a conflict is reported at once and names the port instead of
     * failing after every embedded server has started.
     */
    public static void checkServerPorts(Environment env) {
        for (String property : new String[] {"server.port", "management.server.port"}) {
            String value = env.getProperty(property);
            if (value == null) {
                continue;
            }
            int port;
            try {
                port = Integer.parseInt(value.strip());
            } catch (NumberFormatException e) {
                throw new InvalidConfigurationException(property, value, "a port number from 0 to 65535");
            }
            if (port < -1 || port > 65535) {
                throw new InvalidConfigurationException(property, value, "a port number from 0 to 65535");
            }
            if (port > 0 && !isFree(env.getProperty(property.replace("port", "address")), port)) {
                throw new InvalidConfigurationException(property, value, "a free port (port " + port
                        + " is already in use by another process)");
            }
        }
    }

    private static boolean isFree(String address, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(address == null ? new InetSocketAddress(port) : new InetSocketAddress(address, port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean isRedisUrl(String url) {
        try {
            URI uri = new URI(url);
            return ("redis".equals(uri.getScheme()) || "rediss".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static boolean isHostPortList(String servers) {
        return Arrays.stream(servers.split(",")).map(String::trim).allMatch(s -> {
            var m = HOST_PORT.matcher(s);
            return m.matches() && Integer.parseInt(m.group(1)) >= 1 && Integer.parseInt(m.group(1)) <= 65535;
        });
    }

    private static String allowedFor(BindException e) {
        Throwable cause = e.getCause();
        while (cause != null) {
            if (cause instanceof ConversionFailedException conversion) {
                Class<?> target = conversion.getTargetType().getType();
                if (target.isEnum()) {
                    return "one of " + Arrays.stream(target.getEnumConstants())
                            .map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT).replace('_', '-'))
                            .collect(Collectors.joining(", "));
                }
                return "a value of type " + describe(target);
            }
            if (cause instanceof IllegalArgumentException && cause.getMessage() != null) {
                return "a valid value (" + cause.getMessage() + ")";
            }
            cause = cause.getCause();
        }
        return "a valid value";
    }

    private static String describe(Class<?> type) {
        return switch (type.getSimpleName()) {
            case "Duration" -> "duration (e.g. 30s, 5m, PT30S)";
            case "Integer", "int", "Long", "long" -> "whole number";
            case "Boolean", "boolean" -> "boolean (true or false)";
            case "Path" -> "file system path";
            default -> type.getSimpleName();
        };
    }

    private static String kebab(String field) {
        return field.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
