package io.tokenlife.domain.port.in;

import io.tokenlife.domain.model.Actor;
import io.tokenlife.domain.settings.Secret;

import java.util.Objects;
import java.util.Optional;

/** A new user; without a password the user can log in through SSO only. */
public record CreateUserCommand(Actor actor, String email, Optional<String> fullName, Optional<Secret> password,
                                boolean admin) {
    public CreateUserCommand {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(fullName, "fullName");
        Objects.requireNonNull(password, "password");
    }
}
