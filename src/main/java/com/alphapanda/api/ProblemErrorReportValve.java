package com.alphapanda.api;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/**
 * Replaces Tomcat's HTML error page for errors the container answers before any servlet runs (a request line or
 * path it refuses, such as an encoded {@code /} in {@code /api/v1/portfolios/paper/a%2Fb}): a problem detail instead.
 */
class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        HttpStatusCode code = HttpStatusCode.valueOf(status);
        String detail = status == HttpStatus.BAD_REQUEST.value()
                ? "the request line or path is not acceptable (e.g. an encoded '/' or an invalid character in the path)"
                : null;
        try {
            response.setContentType(Problems.CONTENT_TYPE);
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(Problems.json(Problems.of(code, detail, null)));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client went away or the response is unusable: nothing left to report to
        }
    }
}
