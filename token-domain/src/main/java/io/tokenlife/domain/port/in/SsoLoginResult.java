package io.tokenlife.domain.port.in;

import io.tokenlife.domain.model.IssuedRefreshToken;
import io.tokenlife.domain.model.IssuedToken;

import java.util.Objects;
import java.util.Optional;

/** A platform token, or why the exchange was refused. */
public sealed interface SsoLoginResult {
    /** With the refresh token of the new family, where refresh tokens are kept. */
    record LoggedIn(IssuedToken token, Optional<IssuedRefreshToken> refresh) implements SsoLoginResult {
        public LoggedIn {
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(refresh, "refresh");
        }

        public LoggedIn(IssuedToken token) {
            this(token, Optional.empty());
        }
    }

    record UnknownProvider(String providerId) implements SsoLoginResult {
    }

    /** The ID token was not accepted, or no active user may log in with it. */
    record Refused(String detail) implements SsoLoginResult {
    }
}
