package com.alphapanda.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.alphapanda.core.event.Broker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * An instance's pipeline activity in Redis (the embedded server): published while the instance runs, removed when it
 * stops, published again when it starts again (a paused context), read by another instance.
 */
@SpringBootTest(properties = "alpha-panda.monitoring.lag.enabled=false")
class ClusterPipelineActivityIT {

    @Autowired
    StringRedisTemplate redis;

    @Test
    void anInstancesActivityIsThereWhileItRunsGoneWhenItStopsAndBackWhenItStartsAgain() {
        String id = "activity-it-" + System.nanoTime();
        PipelineActivity activity = new PipelineActivity(new SimpleMeterRegistry(), Clock.systemUTC());
        activity.record(PipelineStage.RISK_MANAGER, Broker.PAPER, Instant.now());
        try (ClusterPipelineActivity instance = instance(activity, id);
             ClusterPipelineActivity reader = instance(new PipelineActivity(new SimpleMeterRegistry(),
                     Clock.systemUTC()), "activity-it-reader-" + System.nanoTime())) {
            instance.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> published(reader, id));
            assertThat(reader.get().stream().filter(a -> a.instanceId().equals(id)).findFirst().orElseThrow()
                    .slots().get("risk_manager/paper").events()).isOne();

            instance.stop();
            assertThat(redis.opsForHash().hasKey(ClusterPipelineActivity.KEY, id)).as("removed when it stops").isFalse();
            assertThat(published(reader, id)).isFalse();

            instance.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> published(reader, id));
            instance.stop();
        }
    }

    private ClusterPipelineActivity instance(PipelineActivity activity, String id) {
        return new ClusterPipelineActivity(activity, redis, id, Duration.ofMillis(200), Duration.ofMinutes(10),
                Clock.systemUTC());
    }

    private static boolean published(ClusterPipelineActivity reader, String id) {
        return reader.get().stream().anyMatch(a -> a.instanceId().equals(id));
    }
}
