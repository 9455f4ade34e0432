package io.tokenlife.domain.policy.validation;

import io.tokenlife.domain.model.TokenClaims;
import io.tokenlife.domain.model.ValidationCode;

import java.time.Instant;

/** Step 5b: {@code aud} names us, unless {@code JWT_AUDIENCE_VERIFICATION=false}. */
public final class AudienceRule implements ValidationRule {
    private final boolean enabled;
    private final String expected;

    public AudienceRule(boolean enabled, String expected) {
        this.enabled = enabled;
        this.expected = expected;
    }

    @Override
    public RuleVerdict check(TokenClaims claims, Instant now) {
        return !enabled || claims.audience().contains(expected)
                ? RuleVerdict.ALLOW
                : RuleVerdict.reject(ValidationCode.TOKEN_AUDIENCE_INVALID,
                "the token's audience " + claims.audience() + " does not include '" + expected + "'");
    }
}
