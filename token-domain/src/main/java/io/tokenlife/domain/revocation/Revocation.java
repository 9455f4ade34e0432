package io.tokenlife.domain.revocation;

import java.time.Instant;
import java.util.Objects;

/**
 * The revocation of one token by its jti. {@code subject} and {@code expiresAt} are known when the token
 * was presented or registered, and may be null for a jti the registry never saw; {@code expiresAt}
 * tells when the revocation may be purged.
 */
public record Revocation(String jti, String subject, Instant revokedAt, String revokedBy, String reason,
                         Instant expiresAt) {
    public Revocation {
        Objects.requireNonNull(jti, "jti");
        Objects.requireNonNull(revokedAt, "revokedAt");
        if (jti.isBlank()) {
            throw new IllegalArgumentException("jti must not be blank");
        }
    }

    /** What the index learns from this revocation once it is durable. */
    public JtiRevocations.Revoked change() {
        return JtiRevocations.Revoked.of(jti, expiresAt);
    }
}
