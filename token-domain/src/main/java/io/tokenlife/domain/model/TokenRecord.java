package io.tokenlife.domain.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A row of the issued-token registry: what is known of a token, never the token itself.
 * {@code revokedAt}, {@code revokedBy}, {@code reason}, {@code lastUsedAt} and {@code expiresAt} may be null;
 * so may {@code keyId}, the {@code kid} of the key that signed it, for tokens recorded before it was kept.
 * {@code familyId} names the refresh-token family (one login and its refreshes) and is null for other tokens.
 */
public record TokenRecord(
        String jti,
        String subject,
        TokenSource source,
        TokenUse tokenUse,
        String name,
        String scope,
        Instant issuedAt,
        Instant expiresAt,
        Instant revokedAt,
        String revokedBy,
        String reason,
        Instant lastUsedAt,
        String keyId,
        String familyId) {

    /** A row whose signing key and family are not known. */
    public TokenRecord(String jti, String subject, TokenSource source, TokenUse tokenUse, String name, String scope,
                       Instant issuedAt, Instant expiresAt, Instant revokedAt, String revokedBy, String reason,
                       Instant lastUsedAt) {
        this(jti, subject, source, tokenUse, name, scope, issuedAt, expiresAt, revokedAt, revokedBy, reason,
                lastUsedAt, null, null);
    }

    /** A token outside any refresh-token family. */
    public TokenRecord(String jti, String subject, TokenSource source, TokenUse tokenUse, String name, String scope,
                       Instant issuedAt, Instant expiresAt, Instant revokedAt, String revokedBy, String reason,
                       Instant lastUsedAt, String keyId) {
        this(jti, subject, source, tokenUse, name, scope, issuedAt, expiresAt, revokedAt, revokedBy, reason,
                lastUsedAt, keyId, null);
    }

    public TokenRecord {
        Objects.requireNonNull(jti, "jti");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(tokenUse, "tokenUse");
        Objects.requireNonNull(issuedAt, "issuedAt");
    }

    public TokenStatus status(Instant now) {
        if (revokedAt != null) {
            return TokenStatus.REVOKED;
        }
        if (expiresAt != null && !now.isBefore(expiresAt)) {
            return TokenStatus.EXPIRED;
        }
        return TokenStatus.ACTIVE;
    }

    public boolean isOwnedBy(String email) {
        return subject.equalsIgnoreCase(email);
    }

    public TokenRecord revoked(Instant at, String by, String why) {
        return new TokenRecord(jti, subject, source, tokenUse, name, scope, issuedAt, expiresAt, at, by, why,
                lastUsedAt, keyId, familyId);
    }
}
