package com.alphapanda.api;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /api/v1/stream}: Server-Sent Events with named events ({@link LiveEvents}). Each client is served by
 * its own virtual thread draining its bounded queue; {@code Last-Event-ID} resumes from the replay buffer.
 */
@RestController
class StreamController {

    private static final Logger log = LoggerFactory.getLogger(StreamController.class);
    private static final Duration HEARTBEAT = Duration.ofSeconds(15);
    private static final long EMITTER_TIMEOUT_MS = Duration.ofHours(1).toMillis();

    /** Longer than any id of this stream (a UUID has 36 characters): ignored. */
    private static final int MAX_EVENT_ID_LENGTH = 64;

    private final LiveEventHub hub;

    StreamController(LiveEventHub hub) {
        this.hub = hub;
    }

    @GetMapping(path = "/api/v1/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(@RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        SseEmitter emitter = new SseEmitter(EMITTER_TIMEOUT_MS);
        LiveEventHub.Subscriber subscriber = hub.subscribe(parse(lastEventId));
        Thread sender = Thread.ofVirtual().name("sse-client").start(() -> drain(subscriber, emitter));
        Runnable stop = () -> {
            hub.unsubscribe(subscriber);
            sender.interrupt();
        };
        emitter.onCompletion(stop);
        emitter.onTimeout(stop);
        emitter.onError(e -> stop.run());
        return emitter;
    }

    private void drain(LiveEventHub.Subscriber subscriber, SseEmitter emitter) {
        try {
            emitter.send(SseEmitter.event().comment("connected"));
            while (!subscriber.isDropped()) {
                LiveEventHub.LiveEvent event = subscriber.queue().poll(HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
                if (event == null) {
                    emitter.send(SseEmitter.event().comment("heartbeat"));
                } else {
                    emitter.send(SseEmitter.event().id(event.id()).name(event.name())
                            .data(event.data(), MediaType.APPLICATION_JSON));
                }
            }
            log.info("Stream client dropped: it fell too far behind");
            emitter.complete();
        } catch (IOException | IllegalStateException e) {
            hub.unsubscribe(subscriber); // the client went away
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String parse(String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank() || lastEventId.length() > MAX_EVENT_ID_LENGTH) {
            return null;
        }
        return lastEventId.strip();
    }
}
