package com.alphapanda.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphapanda.core.id.EventId;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Resumption with {@code Last-Event-ID}: by position when this instance saw the event, else by time-ordered id. */
class LiveEventHubTest {

    private final LiveEventHub hub = new LiveEventHub(100, 100, new SimpleMeterRegistry());

    @Test
    void aClientResumesAfterAnEventThisInstanceSawInArrivalOrder() {
        String first = EventId.next().asString();
        String second = EventId.next().asString();
        String third = EventId.next().asString();
        hub.deliver(second, "fill", "b"); // arrived before an older id, as events of two topics may
        hub.deliver(first, "order", "a");
        hub.deliver(third, "fill", "c");

        assertThat(missed(second)).containsExactly("a", "c");
    }

    @Test
    void aClientComingFromAnotherInstanceGetsTheBufferedEventsWithLaterIds() {
        String older = EventId.next().asString();
        String seenElsewhere = EventId.next().asString(); // never delivered here
        String newer = EventId.next().asString();
        hub.deliver(older, "portfolio", "old");
        hub.deliver(newer, "portfolio", "new");

        assertThat(missed(seenElsewhere)).containsExactly("new");
    }

    @Test
    void anIdThatIsNotOneOfTheStreamResumesNothing() {
        hub.deliver(EventId.next().asString(), "alert", "x");
        assertThat(missed("42")).isEmpty();
    }

    private List<Object> missed(String lastEventId) {
        List<Object> data = new ArrayList<>();
        hub.subscribe(lastEventId).queue().forEach(e -> data.add(e.data()));
        return data;
    }
}
