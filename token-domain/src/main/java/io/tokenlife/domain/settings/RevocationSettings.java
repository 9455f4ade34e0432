package io.tokenlife.domain.settings;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How long revocations and registry rows must be kept.
 *
 * @param leeway a token is accepted until {@code exp + leeway}, so nothing about it may be purged earlier
 * @param longestTokenLifetime the longest lifetime of a token we accept (API_TOKEN_MAX_EXPIRY_DAYS while
 *        REQUIRE_TOKEN_EXPIRATION is on); empty: a token may live forever
 */
public record RevocationSettings(Duration leeway, Optional<Duration> longestTokenLifetime) {
    public RevocationSettings {
        Objects.requireNonNull(leeway, "leeway");
        Objects.requireNonNull(longestTokenLifetime, "longestTokenLifetime");
    }
}
