package io.tokenlife.domain.service;

import io.tokenlife.domain.model.Page;
import io.tokenlife.domain.revocation.Revocation;
import io.tokenlife.domain.model.SecurityEvent;
import io.tokenlife.domain.model.SecurityEventType;
import io.tokenlife.domain.model.TokenFamily;
import io.tokenlife.domain.model.TokenQuery;
import io.tokenlife.domain.model.TokenRecord;
import io.tokenlife.domain.port.out.IssuedTokenStore;
import io.tokenlife.domain.port.out.RefreshTokenStore;
import io.tokenlife.domain.port.out.RevocationStore;
import io.tokenlife.domain.port.out.SecurityEvents;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Ends a refresh-token family: first its refresh tokens (so that no refresh mints another access token),
 * then every live access token of the family through the ordinary jti revocation, which is durable before
 * it returns and reaches every replica by the revocation channel and catch-up.
 */
public final class FamilyRevocation {
    private final RefreshTokenStore refreshTokens;
    private final IssuedTokenStore registry;
    private final RevocationStore revocations;
    private final SecurityEvents events;
    private final Duration leeway;

    /** @param leeway an access token is accepted until {@code exp + leeway}, so one expired that recently is revoked too */
    public FamilyRevocation(RefreshTokenStore refreshTokens, IssuedTokenStore registry, RevocationStore revocations,
                            SecurityEvents events, Duration leeway) {
        this.refreshTokens = refreshTokens;
        this.registry = registry;
        this.revocations = revocations;
        this.events = events;
        this.leeway = leeway;
    }

    /**
     * @return how many access tokens were newly revoked; the family is revoked when this returns (also when
     *         it was revoked already: access tokens a racing refresh recorded late are revoked now)
     */
    public int revoke(TokenFamily family, String revokedBy, String reason, Instant now) {
        boolean newly = refreshTokens.revokeFamily(family.id(), now, revokedBy, reason);
        int revoked = 0;
        for (TokenRecord token : liveAccessTokens(family.id(), now)) {
            if (revocations.revoke(new Revocation(token.jti(), token.subject(), now, revokedBy, reason,
                    token.expiresAt()))) {
                revoked++;
            }
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("family_id", family.id());
        fields.put("subject", family.subject());
        fields.put("revoked_by", revokedBy);
        fields.put("reason", reason);
        fields.put("access_tokens_revoked", Integer.toString(revoked));
        fields.put("already_revoked", String.valueOf(!newly));
        events.emit(SecurityEvent.info(SecurityEventType.TOKEN_FAMILY_REVOKED, "token family revoked", fields));
        return revoked;
    }

    /** Unrevoked and still accepted (within the leeway); collected before revoking, which changes the rows. */
    private List<TokenRecord> liveAccessTokens(String familyId, Instant now) {
        Instant acceptedAfter = now.minus(leeway);
        List<TokenRecord> live = new ArrayList<>();
        TokenQuery query = new TokenQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(familyId), Optional.empty(), TokenQuery.MAX_LIMIT);
        Page<TokenRecord> page;
        do {
            page = registry.list(query, now);
            page.items().stream()
                    .filter(t -> t.revokedAt() == null && (t.expiresAt() == null || t.expiresAt().isAfter(acceptedAfter)))
                    .forEach(live::add);
            query = query.withCursor(page.next());
        } while (page.next().isPresent());
        return live;
    }
}
