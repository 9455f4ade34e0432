package io.tokenlife.domain.model;

import java.util.Objects;
import java.util.Optional;

/**
 * What a login or a refresh hands out: a session access token and, where the platform keeps refresh
 * tokens, the refresh token of the same family.
 */
public record IssuedSession(IssuedToken access, Optional<IssuedRefreshToken> refresh) {
    public IssuedSession {
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(refresh, "refresh");
    }
}
