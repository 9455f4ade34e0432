package io.tokenlife.domain.policy;

import io.tokenlife.domain.model.ValidationResult;
import io.tokenlife.domain.model.ValidationWarning;
import io.tokenlife.domain.model.VerifiedToken;
import io.tokenlife.domain.revocation.RevocationIndex;
import io.tokenlife.domain.port.out.UserDirectory;
import io.tokenlife.domain.settings.BootstrapAdmin;
import io.tokenlife.domain.settings.PlatformIdentity;
import io.tokenlife.domain.settings.ValidationSettings;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Steps 4–9 of validation (docs/explanation/token-lifecycle.md#validation) over a token whose signature has
 * been verified, in order; the first rejection decides. Runs on every call, cached signature or not.
 */
public final class ValidationPolicy {
    private final List<ValidationRule> rules;

    public ValidationPolicy(List<ValidationRule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static ValidationPolicy of(ValidationSettings v, PlatformIdentity identity, BootstrapAdmin admin,
                                      RevocationIndex revocations, UserDirectory users) {
        return new ValidationPolicy(List.of(
                ValidationRules.expiry(v.requireExpiration(), v.leeway()),
                ValidationRules.issuer(v.issuerVerification(), identity.issuer()),
                ValidationRules.audience(v.audienceVerification(), identity.audience()),
                ValidationRules.jti(v.requireJti()),
                ValidationRules.environment(v.validateEnvironment(), identity.environment().wireName()),
                ValidationRules.revocation(revocations),
                ValidationRules.user(users, v.requireUserInDb(), admin.email(), admin.enabled())));
    }

    public ValidationResult evaluate(VerifiedToken token, Instant now) {
        List<ValidationWarning> warnings = List.of();
        boolean platformAdmin = false;
        for (ValidationRule rule : rules) {
            RuleVerdict verdict = rule.check(token.claims(), now);
            if (verdict.rejects()) {
                return new ValidationResult.Rejected(verdict.rejection(), verdict.detail());
            }
            if (verdict.warning() != null) {
                warnings = new ArrayList<>(warnings);
                warnings.add(verdict.warning());
            }
            platformAdmin |= verdict.platformAdmin();
        }
        return new ValidationResult.Valid(token, warnings, platformAdmin);
    }
}
