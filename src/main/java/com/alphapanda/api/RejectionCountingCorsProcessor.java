package com.alphapanda.api;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.cors.DefaultCorsProcessor;

/**
 * Spring's CORS processing, plus: a request from an origin that is not allowed gets no CORS headers (the browser then
 * blocks it), is logged with its origin and path, and is counted in {@code cors_rejected_total{origin}}. At most
 * {@value #MAX_ORIGIN_LABELS} distinct origins get their own label; the rest count as {@code other}.
 */
class RejectionCountingCorsProcessor extends DefaultCorsProcessor {

    private static final Logger log = LoggerFactory.getLogger(RejectionCountingCorsProcessor.class);
    static final int MAX_ORIGIN_LABELS = 100;

    private final MeterRegistry registry;
    private final Set<String> labelledOrigins = ConcurrentHashMap.newKeySet();

    RejectionCountingCorsProcessor(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public boolean processRequest(CorsConfiguration config, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (config != null && CorsUtils.isCorsRequest(request) && config.checkOrigin(origin) == null) {
            log.warn("CORS request rejected: origin {} is not allowed (path {})", origin, request.getRequestURI());
            Counter.builder("cors.rejected").description("Requests from origins CORS does not allow")
                    .tag("origin", label(origin)).register(registry).increment();
        }
        return super.processRequest(config, request, response);
    }

    private String label(String origin) {
        if (labelledOrigins.contains(origin)) {
            return origin;
        }
        if (labelledOrigins.size() < MAX_ORIGIN_LABELS && labelledOrigins.add(origin)) {
            return origin;
        }
        return "other";
    }
}
