package com.alphapanda.api;

import com.alphapanda.core.event.Broker;
import com.alphapanda.core.platform.PlatformProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/system}: version, uptime, environment, enabled brokers and the Kafka listeners (services) of this
 * instance with their state. Deliberately nothing from the configuration beyond that: no secrets, no connection URLs.
 */
@RestController
class SystemController {

    private final PlatformProperties platform;
    private final ObjectProvider<BuildProperties> build;
    private final KafkaListenerEndpointRegistry listeners;
    private final Instant startedAt;
    private final Clock clock;

    SystemController(PlatformProperties platform, ObjectProvider<BuildProperties> build,
                     KafkaListenerEndpointRegistry listeners, ApplicationContext context, Clock clock) {
        this.platform = platform;
        this.build = build;
        this.listeners = listeners;
        this.startedAt = Instant.ofEpochMilli(context.getStartupDate());
        this.clock = clock;
    }

    /** One Kafka listener container: a service of this instance consuming a topic. */
    record ListenerView(String id, String groupId, List<String> topics,
                        @Schema(description = "started and consuming") boolean running,
                        boolean paused) {

        static ListenerView of(MessageListenerContainer container) {
            String[] topics = container.getContainerProperties().getTopics();
            return new ListenerView(container.getListenerId(), container.getGroupId(),
                    topics == null ? List.of() : Arrays.stream(topics).sorted().toList(), container.isRunning(),
                    container.isContainerPaused());
        }
    }

    /** What this instance is and runs. */
    record SystemView(String application, String version, String javaVersion, String instanceId,
                      @Schema(description = "development, staging or production") String environment,
                      @Schema(description = "enabled brokers") List<String> brokers,
                      Instant startedAt, @Schema(description = "seconds since start") long uptimeSeconds,
                      List<ListenerView> listeners) {
    }

    @Operation(summary = "Version, uptime, environment, enabled brokers and the running listeners (no secrets)")
    @GetMapping("/api/v1/system")
    SystemView system() {
        BuildProperties properties = build.getIfAvailable();
        List<ListenerView> running = listeners.getListenerContainers().stream().map(ListenerView::of)
                .sorted(Comparator.comparing(ListenerView::id, Comparator.nullsFirst(Comparator.naturalOrder())))
                .toList();
        return new SystemView("Alpha Panda", properties == null ? "unknown" : properties.getVersion(),
                Runtime.version().toString(), platform.instanceId(),
                platform.environment().name().toLowerCase(Locale.ROOT),
                platform.brokers().stream().map(Broker::id).toList(), startedAt,
                Math.max(0, Duration.between(startedAt, clock.instant()).toSeconds()), running);
    }
}
