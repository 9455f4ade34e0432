package io.tokenlife.domain.settings;

import java.util.Objects;
import java.util.Optional;

/** The platform administrator known from configuration (the bootstrap). */
public record AdminSettings(String platformAdminEmail, Optional<Secret> platformAdminPassword) {
    public AdminSettings {
        Objects.requireNonNull(platformAdminEmail, "platformAdminEmail");
        Objects.requireNonNull(platformAdminPassword, "platformAdminPassword");
    }
}
