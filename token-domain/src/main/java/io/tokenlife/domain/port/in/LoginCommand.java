package io.tokenlife.domain.port.in;

import io.tokenlife.domain.model.TokenSource;
import io.tokenlife.domain.settings.Secret;

import java.util.Objects;

/** E-mail and password, through the login or admin-UI path; {@code clientAddress} for logs and throttling. */
public record LoginCommand(String email, Secret password, TokenSource source, String clientAddress) {
    public LoginCommand {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(source, "source");
    }
}
