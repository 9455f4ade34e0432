package io.tokenlife.domain.settings;

import java.time.Duration;
import java.util.Objects;

/** The switches of the validation policy. */
public record ValidationSettings(boolean issuerVerification, boolean audienceVerification, Duration leeway,
                                 boolean requireExpiration, boolean requireJti, boolean validateEnvironment,
                                 boolean requireUserInDb, int verifiedTokenCacheSize) {
    public ValidationSettings {
        Objects.requireNonNull(leeway, "leeway");
    }

    /** The same switches with {@code REQUIRE_USER_IN_DB} set as given. */
    public ValidationSettings withRequireUserInDb(boolean value) {
        return new ValidationSettings(issuerVerification, audienceVerification, leeway, requireExpiration, requireJti,
                validateEnvironment, value, verifiedTokenCacheSize);
    }
}
