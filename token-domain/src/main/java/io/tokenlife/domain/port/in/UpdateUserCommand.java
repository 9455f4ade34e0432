package io.tokenlife.domain.port.in;

import io.tokenlife.domain.settings.Secret;

import java.util.Objects;
import java.util.Optional;

/** A partial update (PATCH): only the present fields change. */
public record UpdateUserCommand(String email, Optional<String> fullName, Optional<Secret> password,
                                Optional<Boolean> admin, Optional<Boolean> active, String updatedBy) {
    public UpdateUserCommand {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(fullName, "fullName");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(admin, "admin");
        Objects.requireNonNull(active, "active");
        Objects.requireNonNull(updatedBy, "updatedBy");
    }
}
