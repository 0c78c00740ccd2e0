package com.alphapanda.api;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits requests per token, with the budget of the token's role (per client address when anonymous), with a token
 * bucket kept in Redis, so the limit holds across instances. Over the limit: 429 with {@code Retry-After}. Health
 * checks, the live stream (one long request per client), the dashboard's static files and CORS preflights are
 * exempt. If Redis cannot be reached
 * the request is let through (logged): the limiter must not take the API down.
 */
class RateLimitFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);
    private static final String KEY_PREFIX = "ratelimit:";

    static final String STREAM = "/api/v1/stream";
    private static final String ANONYMOUS = "anonymous";

    private final ProxyManager<byte[]> buckets;
    private final Map<String, BucketConfiguration> configurations = new HashMap<>();

    RateLimitFilter(ProxyManager<byte[]> buckets, ApiProperties.RateLimit limit) {
        this.buckets = buckets;
        configurations.put(ANONYMOUS, configuration(limit.requests(null), limit));
        for (ApiRole role : ApiRole.values()) {
            configurations.put(role.id(), configuration(limit.requests(role), limit));
        }
    }

    private static BucketConfiguration configuration(int requests, ApiProperties.RateLimit limit) {
        return BucketConfiguration.builder()
                .addLimit(bandwidth -> bandwidth.capacity(requests).refillIntervally(requests, limit.window()))
                .build();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.equals("/actuator/health") || path.startsWith("/actuator/health/") || path.equals(STREAM)
                || "OPTIONS".equals(request.getMethod()) || isDashboardFile(request, path);
    }

    /** The dashboard's static files (a handful per page load, no data): never counted against anyone's budget. */
    private static boolean isDashboardFile(HttpServletRequest request, String path) {
        return "GET".equals(request.getMethod())
                && (path.equals("/") || path.equals("/index.html") || path.startsWith("/dashboard/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ConsumptionProbe probe;
        ApiPrincipal principal = principal();
        String budget = principal == null ? ANONYMOUS : principal.role().id();
        String key = principal == null ? KEY_PREFIX + "ip:" + request.getRemoteAddr()
                : KEY_PREFIX + budget + ":token:" + principal.tokenId();
        try {
            probe = buckets.builder().build(key.getBytes(StandardCharsets.UTF_8), () -> configurations.get(budget))
                    .tryConsumeAndReturnRemaining(1);
        } catch (RuntimeException e) {
            log.warn("Rate limiter unavailable ({}); letting {} {} through", e.toString(), request.getMethod(),
                    request.getRequestURI());
            chain.doFilter(request, response);
            return;
        }
        response.setHeader("X-RateLimit-Remaining", Long.toString(probe.getRemainingTokens()));
        if (probe.isConsumed()) {
            chain.doFilter(request, response);
            return;
        }
        long retryAfter = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
        response.setHeader("Retry-After", Long.toString(retryAfter));
        ProblemResponses.write(request, response, HttpStatus.TOO_MANY_REQUESTS,
                "rate limit exceeded; retry after " + retryAfter + " s");
    }

    private static ApiPrincipal principal() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof ApiPrincipal principal
                ? principal : null;
    }
}
