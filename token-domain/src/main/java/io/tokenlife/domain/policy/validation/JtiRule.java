package io.tokenlife.domain.policy.validation;

import io.tokenlife.domain.model.SecurityEvent;
import io.tokenlife.domain.model.SecurityEventType;
import io.tokenlife.domain.model.TokenClaims;
import io.tokenlife.domain.model.ValidationCode;
import io.tokenlife.domain.model.ValidationWarning;

import java.time.Instant;

/** Step 6: a token without {@code jti} cannot be revoked one by one: refused, or accepted with a warning. */
public final class JtiRule implements ValidationRule {
    static final ImpliedEvent ACCEPTED_WITHOUT_JTI = new ImpliedEvent(SecurityEventType.TOKEN_MISSING_JTI_ACCEPTED,
            SecurityEvent.Level.WARN, "token without jti accepted (REQUIRE_JTI=false)", ImpliedEvent::tokenFields);
    private static final RuleVerdict WARN = new RuleVerdict.AllowWithWarning(ValidationWarning.TOKEN_MISSING_JTI_ACCEPTED,
            ACCEPTED_WITHOUT_JTI);

    private final boolean requireJti;

    public JtiRule(boolean requireJti) {
        this.requireJti = requireJti;
    }

    @Override
    public RuleVerdict check(TokenClaims claims, Instant now) {
        if (claims.hasJti()) {
            return RuleVerdict.ALLOW;
        }
        return requireJti
                ? RuleVerdict.reject(ValidationCode.TOKEN_MISSING_JTI, "the token has no jti and REQUIRE_JTI is on")
                : WARN;
    }
}
