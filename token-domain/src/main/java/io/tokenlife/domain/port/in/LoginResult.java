package io.tokenlife.domain.port.in;

import io.tokenlife.domain.model.IssuedRefreshToken;
import io.tokenlife.domain.model.IssuedToken;

import java.util.Objects;
import java.util.Optional;

/**
 * A session token (with the refresh token of its new family, where refresh tokens are kept), or a refusal
 * that says the same for an unknown user and a wrong password.
 */
public sealed interface LoginResult {
    record LoggedIn(IssuedToken token, boolean platformAdmin, Optional<IssuedRefreshToken> refresh)
            implements LoginResult {
        public LoggedIn {
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(refresh, "refresh");
        }

        public LoggedIn(IssuedToken token, boolean platformAdmin) {
            this(token, platformAdmin, Optional.empty());
        }
    }

    record Refused(String detail) implements LoginResult {
    }
}
