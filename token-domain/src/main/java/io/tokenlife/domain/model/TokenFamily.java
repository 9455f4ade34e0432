package io.tokenlife.domain.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One login and every token descended from it by refresh: the access tokens (registry rows with this
 * {@code id} as their family) and the chain of refresh tokens. {@code startedAt} starts the absolute
 * session lifetime; a revoked family refreshes no more, and its access tokens are revoked with it.
 *
 * @param source how the family began: {@code login}, {@code admin_ui} or {@code sso}
 */
public record TokenFamily(String id, String subject, TokenSource source, Instant startedAt, Instant revokedAt,
                          String revokedBy, String reason) {
    public TokenFamily {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(startedAt, "startedAt");
    }

    public static TokenFamily started(String id, String subject, TokenSource source, Instant at) {
        return new TokenFamily(id, subject, source, at, null, null, null);
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    public boolean isOwnedBy(String email) {
        return subject.equalsIgnoreCase(email);
    }
}
