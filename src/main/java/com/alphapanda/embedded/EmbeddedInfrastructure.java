package com.alphapanda.embedded;

import com.alphapanda.core.platform.ConfigurationChecks;
import com.alphapanda.core.platform.InvalidConfigurationException;
import com.alphapanda.core.platform.PlatformProperties;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts the embedded Kafka, PostgreSQL and Redis before the application context refreshes, unless the application
 * is pointed at external servers: a server is not started when its connection is configured
 * ({@code spring.kafka.bootstrap-servers}, {@code spring.datasource.url}, {@code spring.data.redis.url} or
 * {@code .host}). Kafka and PostgreSQL start in parallel, Redis meanwhile on the calling thread. Their connection
 * properties are added as the first property source, so the standard auto-configuration connects to them.
 */
public class EmbeddedInfrastructure implements ApplicationContextInitializer<ConfigurableApplicationContext>, Ordered {

    /** Which servers may be started here (the {@code db} commands need only PostgreSQL). */
    public static final String SERVERS_PROPERTY = "alpha-panda.embedded.servers";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedInfrastructure.class);

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment env = context.getEnvironment();
        ConfigurationChecks.validateAll(env);
        PlatformProperties platform = ConfigurationChecks.bind(env, "alpha-panda", PlatformProperties.class);
        EmbeddedProperties embedded = ConfigurationChecks.bind(env, "alpha-panda.embedded", EmbeddedProperties.class);
        ConfigurationChecks.checkConnectionProperties(env);
        ConfigurationChecks.checkServerPorts(env);
        if (!embedded.enabled()) {
            return;
        }
        List<String> allowed = List.of(env.getProperty(SERVERS_PROPERTY, "kafka,postgres,redis").split(","));
        boolean kafka = allowed.contains("kafka") && !env.containsProperty("spring.kafka.bootstrap-servers");
        boolean postgres = allowed.contains("postgres") && !env.containsProperty("spring.datasource.url");
        boolean redis = allowed.contains("redis") && !env.containsProperty("spring.data.redis.url")
                && !env.containsProperty("spring.data.redis.host");
        if (!kafka && !postgres && !redis) {
            log.info("All infrastructure is external: no embedded server started");
            return;
        }
        boolean commandMode = allowed.size() < 3;
        if (commandMode && embedded.storage() == EmbeddedProperties.Storage.PERSISTENT) {
            var running = RunningPlatform.find(platform.dataDir().toAbsolutePath());
            if (running.isPresent()) {
                log.info("Using the embedded servers of the platform running on {}", platform.dataDir());
                env.getPropertySources().addFirst(
                        new MapPropertySource("alpha-panda-running-platform-servers", running.get()));
                return;
            }
        }
        EmbeddedServers servers = start(platform.dataDir(), embedded, kafka, postgres, redis);
        context.getBeanFactory().registerSingleton("embeddedServers", servers);
        ((DefaultSingletonBeanRegistry) context.getBeanFactory()).registerDisposableBean("embeddedServers", servers);
        context.addApplicationListener(event -> {
            if (event instanceof ApplicationFailedEvent) {
                servers.close();
            }
        });
        env.getPropertySources().addFirst(
                new MapPropertySource("alpha-panda-embedded-servers", servers.connectionProperties()));
    }

    private EmbeddedServers start(Path configuredDataDir, EmbeddedProperties embedded, boolean kafka,
                                  boolean postgres, boolean redis) {
        boolean temporary = embedded.storage() == EmbeddedProperties.Storage.TEMPORARY;
        TemporaryDataDirs.cleanLeftovers();
        Path dataDir = dataDirectory(configuredDataDir, temporary);
        FileChannel lockChannel = null;
        FileLock lock = null;
        if (!temporary) {
            lockChannel = openLockChannel(dataDir);
            lock = acquire(lockChannel, dataDir);
        }
        long started = System.nanoTime();
        // chosen here, together, so that servers starting in parallel never pick the same free port
        int[] ports = Ports.allocate(embedded.kafkaPort(), 0, embedded.postgresPort(), embedded.redisPort());
        ClassLoader classLoader = getClass().getClassLoader();
        ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "embedded-server-start");
            t.setDaemon(true);
            return t;
        });
        List<EmbeddedServer> running = new ArrayList<>();
        try {
            CompletableFuture<EmbeddedServer> kafkaStart = kafka
                    ? CompletableFuture.supplyAsync(() -> startKafka(dataDir, ports[0], ports[1], classLoader), pool)
                    : CompletableFuture.completedFuture(null);
            CompletableFuture<EmbeddedServer> postgresStart = postgres
                    ? CompletableFuture.supplyAsync(() -> startPostgres(dataDir, ports[2]), pool)
                    : CompletableFuture.completedFuture(null);
            RuntimeException failure = null;
            if (redis) {
                try {
                    running.add(EmbeddedRedisServer.start(dataDir.resolve("redis"), ports[3], !temporary));
                } catch (IOException | RuntimeException e) {
                    failure = new EmbeddedServerException("redis", e);
                }
            }
            for (CompletableFuture<EmbeddedServer> future : List.of(kafkaStart, postgresStart)) {
                try {
                    EmbeddedServer server = future.join();
                    if (server != null) {
                        running.add(server);
                    }
                } catch (CompletionException e) {
                    failure = failure != null ? failure : unwrap(e);
                }
            }
            EmbeddedServers servers = new EmbeddedServers(running, dataDir, temporary, lockChannel, lock);
            if (failure != null) {
                servers.close();
                throw failure;
            }
            log.info("Embedded servers started in {} ms ({} data in {})", (System.nanoTime() - started) / 1_000_000,
                    temporary ? "temporary" : "persistent", dataDir);
            running.forEach(s -> log.info("Embedded {}: {}", s.name(), s.describe()));
            if (!temporary) {
                RunningPlatform.publish(dataDir, servers.connectionProperties());
            }
            return servers;
        } finally {
            pool.shutdown();
        }
    }

    private static EmbeddedServer startKafka(Path dataDir, int port, int controllerPort, ClassLoader classLoader) {
        try {
            return EmbeddedKafka.start(dataDir.resolve("kafka"), port, controllerPort, classLoader);
        } catch (Exception e) {
            throw new EmbeddedServerException("kafka", e);
        }
    }

    private static EmbeddedServer startPostgres(Path dataDir, int port) {
        try {
            return EmbeddedPostgresServer.start(dataDir.resolve("postgres"), port);
        } catch (IOException | RuntimeException e) {
            throw new EmbeddedServerException("postgres", e);
        }
    }

    private static RuntimeException unwrap(CompletionException e) {
        return e.getCause() instanceof RuntimeException r ? r : e;
    }

    private static Path dataDirectory(Path configured, boolean temporary) {
        try {
            if (temporary) {
                return TemporaryDataDirs.create();
            }
            Files.createDirectories(configured);
            return configured.toAbsolutePath();
        } catch (IOException e) {
            throw new InvalidConfigurationException("alpha-panda.data-dir", String.valueOf(configured),
                    "a writable directory (" + e.getMessage() + ")");
        }
    }

    private static FileChannel openLockChannel(Path dataDir) {
        try {
            return FileChannel.open(dataDir.resolve(RunningPlatform.LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new InvalidConfigurationException("alpha-panda.data-dir", dataDir.toString(),
                    "a writable directory (" + e.getMessage() + ")");
        }
    }

    private static FileLock acquire(FileChannel channel, Path dataDir) {
        try {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return lock;
            }
        } catch (IOException | OverlappingFileLockException e) {
            // fall through: treated as held by another process
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing more to release
        }
        throw new InvalidConfigurationException("alpha-panda.data-dir", dataDir.toString(),
                "a data directory no other running Alpha Panda uses (stop it, or use --data-dir or --fresh)");
    }
}
