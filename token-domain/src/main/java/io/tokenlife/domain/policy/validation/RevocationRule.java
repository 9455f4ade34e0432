package io.tokenlife.domain.policy.validation;

import io.tokenlife.domain.model.SecurityEventType;
import io.tokenlife.domain.model.TokenClaims;
import io.tokenlife.domain.model.ValidationCode;
import io.tokenlife.domain.revocation.RevocationIndex;
import io.tokenlife.domain.revocation.RevocationQuery;
import io.tokenlife.domain.revocation.RevocationState;

import java.time.Instant;

/**
 * Step 8: the token is revoked by some kind of revocation (its jti, a revoke-all of its subject or of the
 * platform, …), as the revocation feature decides; the kind says why ({@link RevocationState#detail()}).
 */
public final class RevocationRule implements ValidationRule {
    static final ImpliedEvent PRESENTED = ImpliedEvent.warning(SecurityEventType.TOKEN_REVOKED_PRESENTED);

    private final RevocationIndex index;

    public RevocationRule(RevocationIndex index) {
        this.index = index;
    }

    @Override
    public RuleVerdict check(TokenClaims claims, Instant now) {
        RevocationState state = index.check(RevocationQuery.of(claims));
        return state.isRevoked() ? RuleVerdict.reject(ValidationCode.TOKEN_REVOKED, state.detail(), PRESENTED) : RuleVerdict.ALLOW;
    }
}
