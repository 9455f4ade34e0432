package io.tokenlife.domain.port.in;

import io.tokenlife.domain.model.IssuedToken;

import java.util.Objects;

/** A session token, or a refusal that says the same for an unknown user and a wrong password. */
public sealed interface LoginResult {
    record LoggedIn(IssuedToken token, boolean platformAdmin) implements LoginResult {
        public LoggedIn {
            Objects.requireNonNull(token, "token");
        }
    }

    record Refused(String detail) implements LoginResult {
    }
}
