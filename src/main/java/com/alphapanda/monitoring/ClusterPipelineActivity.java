package com.alphapanda.monitoring;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The pipeline activity of every instance: each instance publishes its own counts ({@link PipelineActivity}) every
 * {@code interval} into one Redis hash ({@value #KEY}, field = instance id), and the pipeline monitor of any instance
 * reads them all, so a monitoring instance judges stages that run elsewhere. This instance's counts are always taken
 * from memory; another instance's are used while its last publication is younger than {@code keepFor} and removed
 * from the hash after that. Without Redis the monitor sees this instance only (logged once per outage). It publishes
 * while the application runs (a lifecycle bean of the default phase: started after the Redis client, stopped before it).
 */
final class ClusterPipelineActivity implements Supplier<List<InstanceActivity>>, SmartLifecycle,
        AutoCloseable {

    static final String KEY = "alpha-panda.pipeline-activity";

    private static final Logger log = LoggerFactory.getLogger(ClusterPipelineActivity.class);

    private final PipelineActivity local;
    private final StringRedisTemplate redis;
    private final String instanceId;
    private final Duration keepFor;
    private final Clock clock;
    private final Duration interval;
    private final ScheduledExecutorService publisher;
    private volatile boolean redisDown;
    private ScheduledFuture<?> schedule;

    ClusterPipelineActivity(PipelineActivity local, StringRedisTemplate redis, String instanceId, Duration interval,
                            Duration keepFor, Clock clock) {
        this.local = local;
        this.redis = redis;
        this.instanceId = instanceId;
        this.keepFor = keepFor;
        this.clock = clock;
        this.interval = interval;
        this.publisher = Executors.newSingleThreadScheduledExecutor(
                r -> Thread.ofPlatform().daemon().name("pipeline-activity").unstarted(r));
    }

    /** Publishes every {@code interval} from now on (once the Redis client has started: a lifecycle phase after it). */
    @Override
    public synchronized void start() {
        if (schedule == null) {
            schedule = publisher.scheduleWithFixedDelay(this::publish, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Stops publishing (a publication under way completes first) and removes this instance's counts, before the
     * Redis client stops; {@link #start} publishes again.
     */
    @Override
    public synchronized void stop() {
        if (schedule != null) {
            schedule.cancel(false);
            schedule = null;
            try {
                publisher.submit(() -> { }).get(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                log.debug("Waiting for the last publication failed: {}", e.toString());
            }
            redis(() -> redis.opsForHash().delete(KEY, instanceId));
        }
    }

    /** Ends the publishing thread. */
    @Override
    public void close() {
        publisher.shutdownNow();
    }

    @Override
    public synchronized boolean isRunning() {
        return schedule != null;
    }

    /** Writes this instance's counts now. */
    void publish() {
        redis(() -> redis.opsForHash().put(KEY, instanceId, local.snapshot(instanceId).encode()));
    }

    /** This instance's counts and those other instances published within {@code keepFor}. */
    @Override
    public List<InstanceActivity> get() {
        List<InstanceActivity> all = new ArrayList<>();
        all.add(local.snapshot(instanceId));
        Instant oldest = clock.instant().minus(keepFor);
        redis(() -> {
            for (Map.Entry<Object, Object> entry : redis.opsForHash().entries(KEY).entrySet()) {
                String instance = String.valueOf(entry.getKey());
                if (instance.equals(instanceId)) {
                    continue;
                }
                var published = InstanceActivity.decode(instance, String.valueOf(entry.getValue()));
                if (published.isPresent() && published.get().publishedAt().isAfter(oldest)) {
                    all.add(published.get());
                } else {
                    redis.opsForHash().delete(KEY, instance); // gone (or not readable): forgotten
                }
            }
        });
        return all;
    }

    /**
     * Runs one Redis command. No failure escapes: a periodic task that threw would never run again, and a monitor
     * without Redis still judges this instance.
     */
    private void redis(Runnable work) {
        try {
            work.run();
            if (redisDown) {
                redisDown = false;
                log.info("Pipeline activity of other instances available again");
            }
        } catch (RuntimeException e) {
            if (!redisDown) {
                redisDown = true;
                log.warn("Pipeline activity not shared through Redis ({}): monitoring sees this instance only",
                        e.toString());
            }
        }
    }
}
