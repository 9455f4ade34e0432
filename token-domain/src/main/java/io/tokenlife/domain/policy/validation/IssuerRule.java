package io.tokenlife.domain.policy.validation;

import io.tokenlife.domain.model.TokenClaims;
import io.tokenlife.domain.model.ValidationCode;

import java.time.Instant;

/** Step 5a: {@code iss} is ours, unless {@code JWT_ISSUER_VERIFICATION=false}. */
public final class IssuerRule implements ValidationRule {
    private final boolean enabled;
    private final String expected;

    public IssuerRule(boolean enabled, String expected) {
        this.enabled = enabled;
        this.expected = expected;
    }

    @Override
    public RuleVerdict check(TokenClaims claims, Instant now) {
        return !enabled || expected.equals(claims.issuer())
                ? RuleVerdict.ALLOW
                : RuleVerdict.reject(ValidationCode.TOKEN_ISSUER_INVALID,
                "the token's issuer " + quoted(claims.issuer()) + " is not '" + expected + "'");
    }

    private static String quoted(String value) {
        return value == null ? "(none)" : "'" + value + "'";
    }
}
