package com.alphapanda.core.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.bind.AbstractBindHandler;
import org.springframework.boot.context.properties.bind.BindContext;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Finds {@code alpha-panda.*} properties that nothing reads (a typo would otherwise be silently ignored): every
 * property bound while validating the configuration is recorded, and any other {@code alpha-panda.*} name given in a
 * file, a system property or an argument is unknown. Environment variables are not checked (the environment holds
 * unrelated {@code ALPHA_PANDA_*} variables such as the launcher's JVM options).
 */
final class KnownProperties {

    private static final ConfigurationPropertyName ROOT = ConfigurationPropertyName.of("alpha-panda");
    /** Read directly rather than through a properties record. */
    private static final Set<String> READ_DIRECTLY = Set.of("alpha-panda.embedded.servers",
            "alpha-panda.streaming.dlq.pending-refresh-ms");

    private final List<ConfigurationPropertyName> bound = new ArrayList<>();

    /** A bind handler that records every property bound, around {@code parent}. */
    BindHandler recording(BindHandler parent) {
        return new AbstractBindHandler(parent) {
            @Override
            public Object onSuccess(ConfigurationPropertyName name, Bindable<?> target, BindContext context,
                                    Object result) {
                if (isValue(target)) {
                    bound.add(name);
                }
                return super.onSuccess(name, target, context, result);
            }
        };
    }

    /** A value (scalar, enum, list), not an object or a map whose own keys are checked one by one. */
    private static boolean isValue(Bindable<?> target) {
        Class<?> type = target.getType().resolve(Object.class);
        if (Map.class.isAssignableFrom(type)) {
            return false;
        }
        return type.isEnum() || !type.getName().startsWith("com.alphapanda.");
    }

    /** The first {@code alpha-panda.*} property given but never bound, or null. */
    String firstUnknown(Environment env) {
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(env)) {
            if (source.getUnderlyingSource() instanceof SystemEnvironmentPropertySource
                    || !(source instanceof IterableConfigurationPropertySource iterable)) {
                continue;
            }
            for (ConfigurationPropertyName name : (Iterable<ConfigurationPropertyName>) iterable.stream()::iterator) {
                if (ROOT.isAncestorOf(name) && !known(name)) {
                    return name.toString();
                }
            }
        }
        return null;
    }

    private boolean known(ConfigurationPropertyName name) {
        if (READ_DIRECTLY.contains(name.toString())) {
            return true;
        }
        for (ConfigurationPropertyName b : bound) {
            if (b.equals(name) || b.isAncestorOf(name)) {
                return true;
            }
        }
        return false;
    }
}
