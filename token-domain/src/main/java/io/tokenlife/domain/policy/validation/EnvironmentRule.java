package io.tokenlife.domain.policy.validation;

import io.tokenlife.domain.model.SecurityEvent;
import io.tokenlife.domain.model.SecurityEventType;
import io.tokenlife.domain.model.TokenClaims;
import io.tokenlife.domain.model.ValidationCode;

import java.time.Instant;
import java.util.Map;

/** Step 7: an {@code env} claim must match ours; a token without one is accepted. */
public final class EnvironmentRule implements ValidationRule {
    static final ImpliedEvent MISMATCH = new ImpliedEvent(SecurityEventType.TOKEN_ENVIRONMENT_MISMATCH,
            SecurityEvent.Level.WARN, null, EnvironmentRule::fields);

    private final boolean enabled;
    private final String expected;

    public EnvironmentRule(boolean enabled, String expected) {
        this.enabled = enabled;
        this.expected = expected;
    }

    @Override
    public RuleVerdict check(TokenClaims claims, Instant now) {
        return !enabled || claims.environment() == null || expected.equals(claims.environment())
                ? RuleVerdict.ALLOW
                : RuleVerdict.reject(ValidationCode.TOKEN_ENVIRONMENT_MISMATCH,
                "the token was issued for environment '" + claims.environment() + "', this is '" + expected + "'",
                MISMATCH);
    }

    private static Map<String, String> fields(TokenClaims claims) {
        Map<String, String> fields = ImpliedEvent.tokenFields(claims);
        fields.put("token_env", claims.environment());
        return fields;
    }
}
