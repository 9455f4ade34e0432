package io.tokenlife.domain.settings;

import java.util.Objects;
import java.util.Optional;

/**
 * The platform admin known from configuration. The bootstrap (log in without a user row) is enabled
 * while a password is present; the settings leave it out when {@code REQUIRE_USER_IN_DB} is on.
 */
public record BootstrapAdmin(String email, Optional<Secret> password) {
    public BootstrapAdmin {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(password, "password");
    }

    public boolean enabled() {
        return password.isPresent();
    }

    /** Whether {@code subject} (normalised) is the bootstrap admin while the bootstrap is enabled. */
    public boolean is(String subject) {
        return enabled() && email.equals(subject);
    }
}
