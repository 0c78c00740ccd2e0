package com.alphapanda.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * On an instance that does not run the {@code api} service, answers every {@code /api/} request with a 404 problem
 * detail naming why, ahead of everything else; {@code /actuator} (health, info, metrics) stays served.
 */
final class ApiNotServedFilter extends OncePerRequestFilter {

    private final String services;

    ApiNotServedFilter(String services) {
        this.services = services;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException {
        ProblemResponses.write(request, response, HttpStatus.NOT_FOUND, "this instance does not serve the API "
                + "(alpha-panda.services=" + services + "): use an instance that runs the api service");
    }
}
