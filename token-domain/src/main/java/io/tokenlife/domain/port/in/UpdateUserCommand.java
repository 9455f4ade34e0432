package io.tokenlife.domain.port.in;

import io.tokenlife.domain.model.Actor;
import io.tokenlife.domain.settings.Secret;

import java.util.Objects;
import java.util.Optional;

/** A partial update (PATCH): only the present fields change. */
public record UpdateUserCommand(Actor actor, String email, Optional<String> fullName, Optional<Secret> password,
                                Optional<Boolean> admin, Optional<Boolean> active) {
    public UpdateUserCommand {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(fullName, "fullName");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(admin, "admin");
        Objects.requireNonNull(active, "active");
    }
}
