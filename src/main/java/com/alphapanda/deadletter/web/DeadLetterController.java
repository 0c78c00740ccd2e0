package com.alphapanda.deadletter.web;

import com.alphapanda.core.web.PageRequest;
import com.alphapanda.deadletter.DeadLetter;
import com.alphapanda.deadletter.DeadLetterOperations;
import com.alphapanda.deadletter.DeadLetterPage;
import com.alphapanda.deadletter.DeadLetterQuery;
import com.alphapanda.deadletter.DeadLetterStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Dead letters: list, show, replay one, replay in bulk (with a dry run), purge. */
@RestController
@RequestMapping("/api/v1/dlq")
class DeadLetterController {

    private final DeadLetterOperations operations;

    DeadLetterController(DeadLetterOperations operations) {
        this.operations = operations;
    }

    @GetMapping
    @Operation(summary = "List dead letters, newest first; one per consumer group that failed the record")
    DeadLetterPageView list(@RequestParam(required = false) String topic,
                            @Parameter(description = "the consumer group that failed the record, e.g. "
                                    + "alpha-panda.portfolio-manager.ticks")
                            @RequestParam(required = false) String group,
                            @RequestParam(required = false) String reason,
                            @RequestParam(required = false) String service,
                            @RequestParam(required = false) DeadLetterStatus status,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                            @RequestParam(required = false) String page,
                            @RequestParam(required = false) String size) {
        PageRequest request = PageRequest.parse(page, size);
        DeadLetterPage result = operations.list(new DeadLetterQuery(topic, group, reason, service, status, from, to,
                request.page(), request.size()));
        return new DeadLetterPageView(result.items().stream().map(DeadLetterView::summary).toList(), result.total(),
                result.page(), result.size());
    }

    @GetMapping("/{id}")
    DeadLetterView show(@PathVariable UUID id) {
        return DeadLetterView.detail(operations.get(id));
    }

    @PostMapping("/{id}/replay")
    @Operation(summary = "Republish a dead letter to its original topic for the consumer group that failed it only "
            + "(its consumerGroup); every other group reading the topic skips it")
    DeadLetterView replay(@PathVariable UUID id,
                          @RequestHeader(name = "X-Correlation-ID", required = false) String correlationId) {
        DeadLetter replayed = operations.replay(id, correlationId);
        return DeadLetterView.summary(replayed);
    }

    @PostMapping("/replay")
    @Operation(summary = "Replay every pending dead letter of a topic in a time range (optionally of one consumer "
            + "group and reason), each for the group that failed it; a dry run unless dryRun is false")
    DeadLetterOperations.BulkReplay replayAll(@RequestBody BulkReplayRequest request,
                                              @RequestHeader(name = "X-Correlation-ID", required = false)
                                              String correlationId) {
        return operations.replayAll(request.topic(), request.group(), request.from(), request.to(), request.reason(),
                request.dryRun() == null || request.dryRun(), correlationId);
    }

    @PostMapping("/purge")
    DeadLetterOperations.Purge purge(@RequestBody PurgeRequest request) {
        return operations.purgeOlderThan(request.olderThan());
    }

    /**
     * Bulk replay: a topic, a time range of dead-lettering, an optional consumer group and reason; a dry run unless
     * dryRun=false.
     */
    record BulkReplayRequest(String topic,
                             @Schema(description = "only the dead letters of this consumer group (default: every "
                                     + "group; each dead letter is replayed to its own group)") String group,
                             Instant from, Instant to, String reason, Boolean dryRun) {
    }

    /** Purge everything dead-lettered before this time. */
    record PurgeRequest(Instant olderThan) {
    }

    /** A page of dead letters. */
    record DeadLetterPageView(java.util.List<DeadLetterView> items, long total, int page, int size) {
    }
}
