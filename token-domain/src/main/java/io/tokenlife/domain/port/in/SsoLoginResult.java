package io.tokenlife.domain.port.in;

import io.tokenlife.domain.model.IssuedToken;

import java.util.Objects;

/** A platform token, or why the exchange was refused. */
public sealed interface SsoLoginResult {
    record LoggedIn(IssuedToken token) implements SsoLoginResult {
        public LoggedIn {
            Objects.requireNonNull(token, "token");
        }
    }

    record UnknownProvider(String providerId) implements SsoLoginResult {
    }

    /** The ID token was not accepted, or no active user may log in with it. */
    record Refused(String detail) implements SsoLoginResult {
    }
}
