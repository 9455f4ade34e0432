package io.tokenlife.app.http.token;

import io.tokenlife.domain.model.TokenRecord;

import java.time.Instant;

/**
 * What the registry knows of a token, never the token itself ({@code GET /tokens}, {@code GET /tokens/{jti}});
 * {@code family_id} is the refresh-token family of a session token from a login or a refresh, else null.
 */
public record TokenMetadata(String jti, String subject, String source, String tokenUse, String name, String scope,
                            Instant issuedAt, Instant expiresAt, String status, Instant revokedAt, String revokedBy,
                            String reason, Instant lastUsedAt, String familyId) {

    public static TokenMetadata of(TokenRecord r, Instant now) {
        return new TokenMetadata(r.jti(), r.subject(), r.source().wireName(), r.tokenUse().wireName(), r.name(),
                r.scope(), r.issuedAt(), r.expiresAt(), r.status(now).wireName(), r.revokedAt(), r.revokedBy(),
                r.reason(), r.lastUsedAt(), r.familyId());
    }
}
