package com.alphapanda.api;

import com.alphapanda.core.web.ApiPage;
import com.alphapanda.core.web.PageRequest;
import org.springframework.web.bind.annotation.RequestParam;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** API tokens, for admins: create (the secret is returned once), list, revoke. */
@RestController
@RequestMapping("/api/v1/tokens")
class TokenController {

    private final ApiTokens tokens;

    TokenController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @GetMapping
    ApiPage<ApiToken> list(@RequestParam(required = false) String page, @RequestParam(required = false) String size) {
        return ApiPage.of(tokens.list(), PageRequest.parse(page, size));
    }

    @PostMapping
    ResponseEntity<CreatedTokenView> create(@RequestBody CreateTokenRequest request) {
        if (request.role() == null) {
            throw new IllegalArgumentException("'role' is required (viewer, operator or admin)");
        }
        ApiTokens.CreatedToken created = tokens.create(request.name(), ApiRole.fromId(request.role()),
                parseValidity(request.expiresIn()));
        ApiToken t = created.token();
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new CreatedTokenView(t.id(), t.name(), t.role(), t.expiresAt(), created.secret()));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> revoke(@PathVariable UUID id) {
        if (!tokens.revoke(id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no active token with id " + id);
        }
        return ResponseEntity.noContent().build();
    }

    /** Validity such as {@code 30d}, {@code 12h} or {@code P30D}; none means the token never expires. */
    static Duration parseValidity(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return DurationStyle.detectAndParse(text.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'expiresIn' must be a duration such as 30d, 12h or P30D, was '"
                    + text + "'");
        }
    }

    /** A token to create. */
    record CreateTokenRequest(String name, String role, String expiresIn) {
    }

    /** A created token, with its secret: shown this once. */
    record CreatedTokenView(UUID id, String name, ApiRole role, Instant expiresAt, String token) {
    }
}
