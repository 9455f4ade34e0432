package io.tokenlife.domain.policy.validation;

import io.tokenlife.domain.model.SecurityEvent;
import io.tokenlife.domain.model.SecurityEventType;
import io.tokenlife.domain.model.Subjects;
import io.tokenlife.domain.model.TokenClaims;
import io.tokenlife.domain.model.User;
import io.tokenlife.domain.model.ValidationCode;
import io.tokenlife.domain.port.out.UserDirectory;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Step 9: a disabled user is always rejected; an unknown one only when {@code REQUIRE_USER_IN_DB}. The
 * configured platform admin without a user row is accepted while the bootstrap is enabled. Users come from
 * memory ({@link UserDirectory#findInMemory}): no database round trip, also for a subject never seen.
 */
public final class UserRule implements ValidationRule {
    static final ImpliedEvent REJECTED = ImpliedEvent.warning(SecurityEventType.USER_NOT_FOUND_REJECTED);
    static final ImpliedEvent BOOTSTRAP_ADMIN = new ImpliedEvent(SecurityEventType.PLATFORM_ADMIN_AUTH,
            SecurityEvent.Level.INFO, "platform admin authenticated through the configuration bootstrap",
            UserRule::adminFields);
    private static final RuleVerdict PLATFORM_ADMIN = new RuleVerdict.PlatformAdmin(BOOTSTRAP_ADMIN);

    private final UserDirectory users;
    private final boolean requireUserInDb;
    private final String platformAdminEmail;
    private final boolean bootstrapEnabled;

    public UserRule(UserDirectory users, boolean requireUserInDb, String platformAdminEmail, boolean bootstrapEnabled) {
        this.users = users;
        this.requireUserInDb = requireUserInDb;
        this.platformAdminEmail = platformAdminEmail;
        this.bootstrapEnabled = bootstrapEnabled;
    }

    @Override
    public RuleVerdict check(TokenClaims claims, Instant now) {
        String subject = Subjects.normalize(claims.subject());
        if (subject == null || subject.isEmpty()) {
            return requireUserInDb
                    ? RuleVerdict.reject(ValidationCode.USER_NOT_FOUND, "the token has no subject", REJECTED)
                    : RuleVerdict.ALLOW;
        }
        Optional<User> user = users.findInMemory(subject);
        if (user.isPresent()) {
            return user.get().active()
                    ? RuleVerdict.ALLOW
                    : RuleVerdict.reject(ValidationCode.USER_DISABLED, "the user " + subject + " is disabled", REJECTED);
        }
        if (bootstrapEnabled && subject.equals(platformAdminEmail)) {
            return PLATFORM_ADMIN;
        }
        return requireUserInDb
                ? RuleVerdict.reject(ValidationCode.USER_NOT_FOUND, "the user " + subject + " is not known", REJECTED)
                : RuleVerdict.ALLOW;
    }

    private static Map<String, String> adminFields(TokenClaims claims) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("user_id", claims.subject());
        fields.put("jti", claims.jti());
        return fields;
    }
}
