package io.tokenlife.domain.policy;

import io.tokenlife.domain.revocation.RevocationState;
import io.tokenlife.domain.model.Subjects;
import io.tokenlife.domain.model.TokenClaims;
import io.tokenlife.domain.model.User;
import io.tokenlife.domain.model.ValidationCode;
import io.tokenlife.domain.model.ValidationWarning;
import io.tokenlife.domain.revocation.RevocationIndex;
import io.tokenlife.domain.revocation.RevocationQuery;
import io.tokenlife.domain.port.out.UserDirectory;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** The rules of the validation policy, each small and named for what it allows or rejects. */
public final class ValidationRules {
    private ValidationRules() {
    }

    /** Step 4: {@code exp} required and not passed, {@code nbf}/{@code iat} not in the future, all with leeway. */
    public static ValidationRule expiry(boolean requireExpiration, Duration leeway) {
        return (claims, now) -> {
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
        };
    }

    /** Step 5a: {@code iss} is ours, unless {@code JWT_ISSUER_VERIFICATION=false}. */
    public static ValidationRule issuer(boolean enabled, String expected) {
        return (claims, now) -> !enabled || expected.equals(claims.issuer())
                ? RuleVerdict.ALLOW
                : RuleVerdict.reject(ValidationCode.TOKEN_ISSUER_INVALID,
                "the token's issuer " + quoted(claims.issuer()) + " is not '" + expected + "'");
    }

    /** Step 5b: {@code aud} names us, unless {@code JWT_AUDIENCE_VERIFICATION=false}. */
    public static ValidationRule audience(boolean enabled, String expected) {
        return (claims, now) -> !enabled || claims.audience().contains(expected)
                ? RuleVerdict.ALLOW
                : RuleVerdict.reject(ValidationCode.TOKEN_AUDIENCE_INVALID,
                "the token's audience " + claims.audience() + " does not include '" + expected + "'");
    }

    /** Step 6: a token without {@code jti} cannot be revoked one by one. */
    public static ValidationRule jti(boolean requireJti) {
        return (claims, now) -> {
            if (claims.hasJti()) {
                return RuleVerdict.ALLOW;
            }
            return requireJti
                    ? RuleVerdict.reject(ValidationCode.TOKEN_MISSING_JTI, "the token has no jti and REQUIRE_JTI is on")
                    : RuleVerdict.warn(ValidationWarning.TOKEN_MISSING_JTI_ACCEPTED);
        };
    }

    /** Step 7: an {@code env} claim must match ours; a token without one is accepted. */
    public static ValidationRule environment(boolean enabled, String expected) {
        return (claims, now) -> !enabled || claims.environment() == null || expected.equals(claims.environment())
                ? RuleVerdict.ALLOW
                : RuleVerdict.reject(ValidationCode.TOKEN_ENVIRONMENT_MISMATCH,
                "the token was issued for environment '" + claims.environment() + "', this is '" + expected + "'");
    }

    /**
     * Step 8: the token is revoked by some kind of revocation (its jti, a revoke-all of its subject or of the
     * platform, …); the kind says why ({@link RevocationState#detail()}).
     */
    public static ValidationRule revocation(RevocationIndex index) {
        return (claims, now) -> {
            RevocationState state = index.check(RevocationQuery.of(claims));
            return state.isRevoked() ? RuleVerdict.reject(ValidationCode.TOKEN_REVOKED, state.detail()) : RuleVerdict.ALLOW;
        };
    }

    /**
     * Step 9: a disabled user is always rejected; an unknown one only when {@code REQUIRE_USER_IN_DB}.
     * The configured platform admin without a user row is accepted while the bootstrap is enabled.
     */
    public static ValidationRule user(UserDirectory users, boolean requireUserInDb, String platformAdminEmail,
                                      boolean bootstrapEnabled) {
        return (claims, now) -> {
            String subject = Subjects.normalize(claims.subject());
            if (subject == null || subject.isEmpty()) {
                return requireUserInDb
                        ? RuleVerdict.reject(ValidationCode.USER_NOT_FOUND, "the token has no subject")
                        : RuleVerdict.ALLOW;
            }
            Optional<User> user = users.findInMemory(subject);
            if (user.isPresent()) {
                return user.get().active()
                        ? RuleVerdict.ALLOW
                        : RuleVerdict.reject(ValidationCode.USER_DISABLED, "the user " + subject + " is disabled");
            }
            if (bootstrapEnabled && subject.equals(platformAdminEmail)) {
                return RuleVerdict.PLATFORM_ADMIN;
            }
            return requireUserInDb
                    ? RuleVerdict.reject(ValidationCode.USER_NOT_FOUND, "the user " + subject + " is not known")
                    : RuleVerdict.ALLOW;
        };
    }

    private static String quoted(String value) {
        return value == null ? "(none)" : "'" + value + "'";
    }
}
