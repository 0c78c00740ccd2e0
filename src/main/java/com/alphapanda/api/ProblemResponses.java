package com.alphapanda.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;

/** Writes an RFC 9457 problem detail from a servlet filter (before any controller is involved). */
final class ProblemResponses {

    private ProblemResponses() {
    }

    static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(Problems.CONTENT_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(Problems.json(Problems.of(status, detail, request.getRequestURI())));
    }
}
