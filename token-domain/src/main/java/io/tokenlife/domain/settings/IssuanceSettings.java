package io.tokenlife.domain.settings;

import java.time.Duration;
import java.util.Objects;

/** Lifetimes and claims of the tokens the platform issues. */
public record IssuanceSettings(Duration sessionLifetime, Duration apiTokenMaxLifetime, boolean requireExpiration,
                               boolean embedEnvironment) {
    public IssuanceSettings {
        Objects.requireNonNull(sessionLifetime, "sessionLifetime");
        Objects.requireNonNull(apiTokenMaxLifetime, "apiTokenMaxLifetime");
    }
}
