package com.alphapanda.api;

import com.alphapanda.core.id.EventId;
import com.alphapanda.core.streaming.CorrelationContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request a request id and a correlation id: an incoming {@code X-Correlation-ID} is honoured when it is
 * a sane id (1-100 of letters, digits, {@code . _ : -}), otherwise one is created. Both are returned as response
 * headers, are in every log line written for the request (MDC), and are carried into any event the request causes
 * ({@link CorrelationContext#currentCorrelationId()}).
 */
class CorrelationFilter extends OncePerRequestFilter {

    static final String REQUEST_ID = "X-Request-ID";
    static final String CORRELATION_ID = "X-Correlation-ID";
    static final String REQUEST_ID_MDC = "requestId";
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    private static final Logger log = LoggerFactory.getLogger(CorrelationFilter.class);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String requestId = EventId.next().asString();
        String incoming = request.getHeader(CORRELATION_ID);
        String correlationId = incoming != null && VALID.matcher(incoming).matches() ? incoming : requestId;
        if (incoming != null && !incoming.equals(correlationId)) {
            log.debug("Ignoring malformed {} header; using {}", CORRELATION_ID, correlationId);
        }
        response.setHeader(REQUEST_ID, requestId);
        response.setHeader(CORRELATION_ID, correlationId);
        MDC.put(REQUEST_ID_MDC, requestId);
        try (CorrelationContext ignored = CorrelationContext.of(correlationId, null, null)) {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(REQUEST_ID_MDC);
        }
    }
}
