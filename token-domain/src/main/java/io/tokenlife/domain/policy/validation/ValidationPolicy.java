package io.tokenlife.domain.policy.validation;

import io.tokenlife.domain.model.SecurityEvent;
import io.tokenlife.domain.model.TokenClaims;
import io.tokenlife.domain.model.ValidationResult;
import io.tokenlife.domain.model.ValidationWarning;
import io.tokenlife.domain.model.VerifiedToken;
import io.tokenlife.domain.port.out.UserDirectory;
import io.tokenlife.domain.revocation.RevocationIndex;
import io.tokenlife.domain.settings.BootstrapAdmin;
import io.tokenlife.domain.settings.PlatformIdentity;
import io.tokenlife.domain.settings.ValidationSettings;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The domain's stages of validation (docs/explanation/token-lifecycle.md#validation) over a token whose
 * signature has been verified: the header rules, then the claims rules (steps 4–9), in order; the first
 * rejection decides. Runs on every call, cached signature or not. Pure: the security events the verdicts
 * imply come back with the result, for the caller to emit.
 *
 * <p>A new rule is a {@link ValidationRule} (or {@link HeaderRule}) class with its own test, declaring the
 * events its verdicts imply, and one line in {@link #of}.
 */
public final class ValidationPolicy {
    private final List<HeaderRule> headerRules;
    private final List<ValidationRule> rules;

    public ValidationPolicy(List<HeaderRule> headerRules, List<ValidationRule> rules) {
        this.headerRules = List.copyOf(headerRules);
        this.rules = List.copyOf(rules);
    }

    public static ValidationPolicy of(ValidationSettings v, PlatformIdentity identity, BootstrapAdmin admin,
                                      RevocationIndex revocations, UserDirectory users) {
        return new ValidationPolicy(List.of(), List.of(
                new ExpiryRule(v.requireExpiration(), v.leeway()),
                new IssuerRule(v.issuerVerification(), identity.issuer()),
                new AudienceRule(v.audienceVerification(), identity.audience()),
                new JtiRule(v.requireJti()),
                new EnvironmentRule(v.validateEnvironment(), identity.environment().wireName()),
                new RevocationRule(revocations),
                new UserRule(users, v.requireUserInDb(), admin.email(), admin.enabled())));
    }

    /** The result and the security events it implies (none for most valid tokens). */
    public record Evaluation(ValidationResult result, List<SecurityEvent> events) {
        public Evaluation {
            events = List.copyOf(events);
        }
    }

    public Evaluation evaluate(VerifiedToken token, Instant now) {
        TokenClaims claims = token.claims();
        List<ValidationWarning> warnings = List.of();
        List<SecurityEvent> events = List.of();
        boolean platformAdmin = false;
        for (HeaderRule rule : headerRules) {
            RuleVerdict verdict = rule.check(token.header(), now);
            if (verdict instanceof RuleVerdict.Reject reject) {
                return rejected(reject, claims);
            }
        }
        for (ValidationRule rule : rules) {
            RuleVerdict verdict = rule.check(claims, now);
            if (verdict == RuleVerdict.ALLOW) {
                continue;
            }
            if (verdict instanceof RuleVerdict.Reject reject) {
                return rejected(reject, claims);
            }
            if (verdict instanceof RuleVerdict.AllowWithWarning warning) {
                warnings = append(warnings, warning.warning());
            } else if (verdict instanceof RuleVerdict.PlatformAdmin) {
                platformAdmin = true;
            }
            events = append(events, verdict.event().orElseThrow().describe(claims, ""));
        }
        return new Evaluation(new ValidationResult.Valid(token, warnings, platformAdmin), events);
    }

    /** A rejection implies only its own event, not the warnings of the rules before it. */
    private static Evaluation rejected(RuleVerdict.Reject reject, TokenClaims claims) {
        return new Evaluation(new ValidationResult.Rejected(reject.code(), reject.detail()),
                reject.event().map(e -> List.of(e.describe(claims, reject.detail()))).orElse(List.of()));
    }

    private static <T> List<T> append(List<T> list, T item) {
        List<T> more = new ArrayList<>(list);
        more.add(item);
        return more;
    }
}
