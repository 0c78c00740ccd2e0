package com.alphapanda.api;

import java.util.UUID;

/** Who is calling: the token's id, name and role. */
public record ApiPrincipal(UUID tokenId, String name, ApiRole role) {

    @Override
    public String toString() {
        return name + " (" + role.id() + ")";
    }
}
