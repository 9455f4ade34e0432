package io.tokenlife.domain.policy.validation;

import io.tokenlife.domain.model.TokenClaims;
import io.tokenlife.domain.model.ValidationCode;

import java.time.Duration;
import java.time.Instant;

/** Step 4: {@code exp} required and not passed, {@code nbf}/{@code iat} not in the future, all with leeway. */
public final class ExpiryRule implements ValidationRule {
    private final boolean requireExpiration;
    private final Duration leeway;

    public ExpiryRule(boolean requireExpiration, Duration leeway) {
        this.requireExpiration = requireExpiration;
        this.leeway = leeway;
    }

    @Override
    public RuleVerdict check(TokenClaims claims, Instant now) {
        Instant exp = claims.expiresAt();
        if (exp == null && requireExpiration) {
            return RuleVerdict.reject(ValidationCode.TOKEN_MISSING_EXPIRATION,
                    "the token has no exp claim and REQUIRE_TOKEN_EXPIRATION is on");
        }
        // without exp (allowed when not required) nbf and iat are still checked
        if (exp != null && !now.isBefore(exp.plus(leeway))) {
            return RuleVerdict.reject(ValidationCode.TOKEN_EXPIRED, "the token expired at " + exp);
        }
        Instant latest = now.plus(leeway);
        if (claims.notBefore() != null && claims.notBefore().isAfter(latest)) {
            return RuleVerdict.reject(ValidationCode.TOKEN_NOT_YET_VALID,
                    "the token is not valid before " + claims.notBefore());
        }
        if (claims.issuedAt() != null && claims.issuedAt().isAfter(latest)) {
            return RuleVerdict.reject(ValidationCode.TOKEN_NOT_YET_VALID,
                    "the token claims to be issued in the future, at " + claims.issuedAt());
        }
        return RuleVerdict.ALLOW;
    }
}
