package io.tokenlife.domain.revocation;

import io.tokenlife.domain.model.Subjects;
import io.tokenlife.domain.model.TokenClaims;
import io.tokenlife.domain.model.VerifiedToken;

import java.time.Instant;

/**
 * What the revocation kinds may look at of a token. A kind that needs another fact (the {@code kid} of a
 * revoked key, the family of a refresh token) adds a field here and fills it in the factories below; no
 * caller changes.
 *
 * @param jti the token's jti, may be null
 * @param subject the token's subject, normalized ({@link Subjects#normalize}), may be null
 * @param issuedAt the token's {@code iat}, may be null (then any cut-off revokes it)
 */
public record RevocationQuery(String jti, String subject, Instant issuedAt) {
    /** A token presented for validation. */
    public static RevocationQuery of(VerifiedToken token) {
        return of(token.claims());
    }

    public static RevocationQuery of(TokenClaims claims) {
        return new RevocationQuery(claims.jti(), Subjects.normalize(claims.subject()), claims.issuedAt());
    }

    /** A token known by its registry facts (or a test's). */
    public static RevocationQuery of(String jti, String subject, Instant issuedAt) {
        return new RevocationQuery(jti, Subjects.normalize(subject), issuedAt);
    }

    /** A token about to be issued to {@code subject} at {@code issuedAt}: would a cut-off already cover it? */
    public static RevocationQuery issuance(String subject, Instant issuedAt) {
        return new RevocationQuery(null, Subjects.normalize(subject), issuedAt);
    }
}
