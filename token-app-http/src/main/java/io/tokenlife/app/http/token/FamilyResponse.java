package io.tokenlife.app.http.token;

import io.tokenlife.domain.model.RefreshToken;
import io.tokenlife.domain.port.in.FamilyView;

import java.time.Instant;
import java.util.List;

/**
 * A refresh-token family ({@code GET /families/{id}}): who, how it began, whether it is revoked, and its refresh
 * tokens by id (never their values or hashes), each {@code current} or {@code spent}. Its access tokens are
 * listed by {@code GET /tokens?family=}.
 */
public record FamilyResponse(String familyId, String subject, String source, Instant startedAt, String status,
                             Instant revokedAt, String revokedBy, String reason, List<Member> refreshTokens) {

    /** One refresh token of the family. */
    public record Member(String id, String parentId, String accessJti, Instant issuedAt, Instant expiresAt,
                         Instant spentAt, String state) {
        static Member of(RefreshToken t) {
            return new Member(t.id(), t.parentId(), t.accessJti(), t.issuedAt(), t.expiresAt(), t.spentAt(),
                    t.isSpent() ? "spent" : "current");
        }
    }

    public static FamilyResponse of(FamilyView view, Instant now) {
        var f = view.family();
        return new FamilyResponse(f.id(), f.subject(), f.source().wireName(), f.startedAt(),
                f.isRevoked() ? "revoked" : "active", f.revokedAt(), f.revokedBy(), f.reason(),
                view.refreshTokens().stream().map(Member::of).toList());
    }
}
