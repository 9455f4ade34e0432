package io.tokenlife.domain.model;

import io.tokenlife.domain.settings.SigningAlgorithm;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the platform knows of a managed signing key, without its material: its {@code kid}, algorithm,
 * state and the instants of its life. {@code activatesAt} is when a {@code next} key takes over (or took
 * over); {@code version} counts the changes of the stored row, so two replicas cannot both make the same
 * change. Each transition returns a new value with the version the store will hold after it.
 */
public record SigningKeyInfo(String kid, SigningAlgorithm algorithm, KeyState state, Instant createdAt,
                             Instant activatesAt, Optional<Instant> activatedAt, Optional<Instant> retiredAt,
                             Optional<Instant> removedAt, Optional<Instant> revokedAt, Optional<String> revokedBy,
                             Optional<String> reason, long version) {
    public SigningKeyInfo {
        Objects.requireNonNull(kid, "kid");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(activatesAt, "activatesAt");
        Objects.requireNonNull(activatedAt, "activatedAt");
        Objects.requireNonNull(retiredAt, "retiredAt");
        Objects.requireNonNull(removedAt, "removedAt");
        Objects.requireNonNull(revokedAt, "revokedAt");
        Objects.requireNonNull(revokedBy, "revokedBy");
        Objects.requireNonNull(reason, "reason");
    }

    /** A new key, published now, that signs from {@code activatesAt} on. */
    public static SigningKeyInfo next(String kid, SigningAlgorithm algorithm, Instant now, Instant activatesAt) {
        return new SigningKeyInfo(kid, algorithm, KeyState.NEXT, now, activatesAt, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 1);
    }

    /** A new key that signs at once (the first key of an installation, an imported key, an emergency). */
    public static SigningKeyInfo activeNow(String kid, SigningAlgorithm algorithm, Instant now) {
        return new SigningKeyInfo(kid, algorithm, KeyState.ACTIVE, now, now, Optional.of(now), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 1);
    }

    public SigningKeyInfo activated(Instant at) {
        return new SigningKeyInfo(kid, algorithm, KeyState.ACTIVE, createdAt, activatesAt, Optional.of(at), retiredAt,
                removedAt, revokedAt, revokedBy, reason, version + 1);
    }

    public SigningKeyInfo retired(Instant at) {
        return new SigningKeyInfo(kid, algorithm, KeyState.RETIRED, createdAt, activatesAt, activatedAt,
                Optional.of(at), removedAt, revokedAt, revokedBy, reason, version + 1);
    }

    public SigningKeyInfo removed(Instant at) {
        return new SigningKeyInfo(kid, algorithm, KeyState.REMOVED, createdAt, activatesAt, activatedAt, retiredAt,
                Optional.of(at), revokedAt, revokedBy, reason, version + 1);
    }

    public SigningKeyInfo revoked(Instant at, String by, String why) {
        return new SigningKeyInfo(kid, algorithm, KeyState.REVOKED, createdAt, activatesAt, activatedAt, retiredAt,
                removedAt, Optional.of(at), Optional.of(by), Optional.ofNullable(why), version + 1);
    }
}
