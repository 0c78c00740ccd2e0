package com.alphapanda.execution.zerodha.web;

import com.alphapanda.execution.zerodha.ZerodhaEnabled;
import com.alphapanda.execution.zerodha.ZerodhaLogin;
import com.alphapanda.execution.zerodha.ZerodhaLoginException;
import com.alphapanda.execution.zerodha.ZerodhaOrderUpdatePublisher;
import com.alphapanda.execution.zerodha.ZerodhaOrderUpdates;
import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.time.Instant;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Kite login over the API: {@code POST /api/v1/zerodha/login} (operator) gives the login URL with a signed
 * {@code state}; Kite redirects the browser to {@code GET /api/v1/zerodha/callback} (public: a browser redirect
 * carries no bearer token; the state and Kite's checksum protect it), which stores the session.
 * {@code GET /api/v1/zerodha/session} (viewer) shows who is logged in until when, or why nobody is. No route returns
 * a token or the secret. {@code POST /api/v1/zerodha/postback} (public) takes Kite's order postbacks, refused with
 * 401 unless the checksum verifies.
 */
@RestController
@Conditional(ZerodhaEnabled.class)
class ZerodhaController {

    private final ZerodhaLogin login;
    private final ZerodhaOrderUpdatePublisher updates;

    ZerodhaController(ZerodhaLogin login, ZerodhaOrderUpdatePublisher updates) {
        this.login = login;
        this.updates = updates;
    }

    /** Where to log in. */
    record LoginView(URI loginUrl) {
    }

    /** A completed login. */
    record SessionView(String userId, Instant expiresAt) {
    }

    @Operation(summary = "The Kite login URL (valid 15 minutes); open it in a browser")
    @PostMapping("/api/v1/zerodha/login")
    LoginView loginUrl() {
        return new LoginView(login.loginUrlWithState());
    }

    @Operation(summary = "Kite's redirect after a login: exchanges the request token for a stored session")
    @GetMapping("/api/v1/zerodha/callback")
    SessionView callback(@RequestParam(name = "request_token", required = false) String requestToken,
                         @RequestParam(name = "status", required = false) String status,
                         @RequestParam(name = "state", required = false) String state) {
        if (!"success".equals(status)) {
            throw new IllegalArgumentException("Kite reports the login as '" + status + "', not 'success'");
        }
        ZerodhaLogin.Session session = login.completeCallback(requestToken, state);
        return new SessionView(session.userId(), session.expiresAt());
    }

    @Operation(summary = "The Kite session: user and expiry, or why there is none")
    @GetMapping("/api/v1/zerodha/session")
    ZerodhaLogin.Status session() {
        return login.status();
    }

    @Operation(summary = "Kite's order postback (public; authenticated by its SHA-256 checksum)")
    @PostMapping(path = "/api/v1/zerodha/postback", consumes = "application/json")
    PostbackView postback(@RequestBody String body) {
        return new PostbackView(updates.postback(body));
    }

    /** How many order events a postback produced (0 when Kite had told us already). */
    record PostbackView(int events) {
    }

    @ExceptionHandler(ZerodhaOrderUpdates.RefusedPostbackException.class)
    ProblemDetail postbackRefused(ZerodhaOrderUpdates.RefusedPostbackException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, e.getMessage());
        problem.setTitle("Postback refused");
        return problem;
    }

    @ExceptionHandler(ZerodhaLoginException.class)
    ProblemDetail loginFailed(ZerodhaLoginException e) {
        HttpStatus status = e.kiteUnreachable() ? HttpStatus.BAD_GATEWAY : HttpStatus.BAD_REQUEST;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        problem.setTitle("Kite login failed");
        return problem;
    }
}
