package com.alphapanda.api;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /error}, where the servlet container forwards errors raised outside Spring MVC (a filter's or the
 * container's {@code sendError}): answered as a problem detail instead of Spring Boot's default error map.
 */
@Hidden
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping("/error")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer c && HttpStatus.resolve(c) != null && c >= 400
                ? HttpStatus.valueOf(c) : HttpStatus.INTERNAL_SERVER_ERROR;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
        String detail = message instanceof String m && !m.isBlank() && status.is4xxClientError() ? m
                : status.getReasonPhrase();
        response.resetBuffer();
        response.setStatus(status.value());
        response.setContentType(Problems.CONTENT_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(Problems.json(Problems.of(status, detail,
                uri instanceof String u ? u : request.getRequestURI())));
    }
}
