package com.alphapanda.core.platform;

import com.alphapanda.core.event.Broker;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * The services this instance runs ({@code alpha-panda.services}, default {@code all}): {@code all} is every service,
 * with the trading engine of each enabled broker. A name that is not a service, or the trading engine of a broker
 * that is not enabled, is refused in one line before anything starts.
 */
public final class Services {

    public static final String PROPERTY = "alpha-panda.services";

    private final Set<Service> selected;

    private Services(Set<Service> selected) {
        this.selected = Collections.unmodifiableSet(selected);
    }

    /** Parses the configured names (case-insensitive, blanks ignored) against the enabled brokers. */
    public static Services parse(List<String> names, List<Broker> brokers) {
        EnumSet<Service> selected = EnumSet.noneOf(Service.class);
        for (String raw : names == null ? List.<String>of() : names) {
            String name = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            if (name.equals("all")) {
                selected.addAll(everything(brokers));
                continue;
            }
            Service service = byId(name);
            if (service.broker().filter(b -> !brokers.contains(b)).isPresent()) {
                throw new InvalidConfigurationException(PROPERTY, raw, "the trading engine of an enabled broker: "
                        + name + " needs alpha-panda.brokers to include " + service.broker().get().id());
            }
            selected.add(service);
        }
        if (selected.isEmpty()) {
            throw new InvalidConfigurationException(PROPERTY, String.join(",", names == null ? List.of() : names),
                    "at least one of " + Service.allowedIds());
        }
        return new Services(selected);
    }

    /** Every service, with the trading engines of the enabled brokers. */
    public static Services all(List<Broker> brokerList) {
        return new Services(everything(brokerList));
    }

    private static EnumSet<Service> everything(List<Broker> brokers) {
        EnumSet<Service> all = EnumSet.allOf(Service.class);
        all.removeIf(s -> s.broker().isPresent());
        brokers.forEach(b -> all.add(Service.tradingEngine(b)));
        return all;
    }

    /** The selection configured in an environment (before the context exists, e.g. in a condition). */
    public static Services from(Environment env) {
        Binder binder = Binder.get(env);
        List<Broker> brokers = binder.bind("alpha-panda.brokers", Bindable.listOf(Broker.class))
                .orElse(List.of(Broker.PAPER));
        return parse(binder.bind(PROPERTY, Bindable.listOf(String.class)).orElse(List.of("all")), brokers);
    }

    private static Service byId(String name) {
        for (Service service : Service.values()) {
            if (service.id().equals(name)) {
                return service;
            }
        }
        throw new InvalidConfigurationException(PROPERTY, name, "service names from " + Service.allowedIds());
    }

    public boolean runs(Service service) {
        return selected.contains(service);
    }

    /** Whether the Kafka listener with this id runs here: its service is selected, or no service claims it. */
    public boolean runsListener(String listenerId) {
        return Service.ofListener(listenerId).map(this::runs).orElse(true);
    }

    /** The ids of the services run here, in a fixed order. */
    public List<String> ids() {
        List<String> ids = new ArrayList<>();
        selected.forEach(s -> ids.add(s.id()));
        return List.copyOf(ids);
    }

    @Override
    public String toString() {
        return String.join(",", ids());
    }
}
