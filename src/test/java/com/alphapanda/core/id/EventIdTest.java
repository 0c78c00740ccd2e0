package com.alphapanda.core.id;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class EventIdTest {

    @Test
    void generatesVersion7IdsWithTheRfc9562Variant() {
        for (int i = 0; i < 10_000; i++) {
            EventId id = EventId.next();
            assertThat(id.value().version()).isEqualTo(7);
            assertThat(id.value().variant()).isEqualTo(2); // RFC 9562 (formerly 4122) variant: binary 10
            assertThat(id.asString().charAt(14)).isEqualTo('7');
            assertThat(id.asString().charAt(19)).isIn('8', '9', 'a', 'b');
        }
    }

    @Test
    void idsFromFourThreadsAreUniqueAndStrictlyIncreasingPerThreadInStringAndNumericOrder() throws Exception {
        int threads = 4;
        int total = 100_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<EventId>>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Callable<List<EventId>> generate = () -> {
                    List<EventId> ids = new ArrayList<>(total / threads);
                    for (int i = 0; i < total / threads; i++) {
                        ids.add(EventId.next());
                    }
                    return ids;
                };
                futures.add(pool.submit(generate));
            }
            Set<EventId> all = new HashSet<>();
            for (Future<List<EventId>> future : futures) {
                List<EventId> ids = future.get();
                for (int i = 1; i < ids.size(); i++) {
                    EventId previous = ids.get(i - 1);
                    EventId current = ids.get(i);
                    assertThat(current.compareTo(previous)).as("numeric order at %d", i).isPositive();
                    assertThat(current.asString().compareTo(previous.asString())).as("string order at %d", i)
                            .isPositive();
                }
                all.addAll(ids);
            }
            assertThat(all).hasSize(total);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void parsesItsOwnStringForm() {
        EventId id = EventId.next();
        assertThat(EventId.parse(id.asString())).isEqualTo(id);
    }
}
