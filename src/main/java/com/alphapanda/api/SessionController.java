package com.alphapanda.api;

import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/me} (viewer): the calling token's name and role, so a client (the dashboard) can check a token
 * at sign-in and show only the actions its role may take. The API still refuses anything the role may not do.
 */
@RestController
class SessionController {

    record MeView(@Schema(description = "the token's name") String name,
                  @Schema(description = "viewer, operator or admin") ApiRole role) {
    }

    @GetMapping("/api/v1/me")
    MeView me(@AuthenticationPrincipal ApiPrincipal principal) {
        return new MeView(principal.name(), principal.role());
    }
}
