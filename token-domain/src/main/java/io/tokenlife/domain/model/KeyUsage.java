package io.tokenlife.domain.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the registry knows of the live tokens one key signed at an instant: live means neither revoked
 * nor expired. A key may stop verifying once {@link #liveTokens()} is zero, or after
 * {@link #lastExpiry()} (plus leeway); {@link #someNeverExpire()} means never, unless those are revoked.
 */
public record KeyUsage(String keyId, long liveTokens, Optional<Instant> lastExpiry, boolean someNeverExpire) {
    public KeyUsage {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(lastExpiry, "lastExpiry");
        if (liveTokens < 0) {
            throw new IllegalArgumentException("liveTokens must not be negative");
        }
    }

    public static KeyUsage unused(String keyId) {
        return new KeyUsage(keyId, 0, Optional.empty(), false);
    }
}
