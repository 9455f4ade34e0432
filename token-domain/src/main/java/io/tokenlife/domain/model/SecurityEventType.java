package io.tokenlife.domain.model;

import java.util.Locale;

/** The values of the {@code security_event} log field (docs/explanation/token-lifecycle.md#security-events). */
public enum SecurityEventType {
    PLATFORM_ADMIN_AUTH,
    TOKEN_ISSUED,
    TOKEN_REVOKED,
    SUBJECT_TOKENS_REVOKED,
    TOKEN_MISSING_JTI_ACCEPTED,
    TOKEN_ENVIRONMENT_MISMATCH,
    TOKEN_REVOKED_PRESENTED,
    LOGIN_FAILED,
    USER_NOT_FOUND_REJECTED,
    CONFIG_WARNING,
    KEY_PUBLISHED,
    KEY_ACTIVATED,
    KEY_RETIRED,
    KEY_REMOVED,
    KEY_REVOKED,
    REFRESH_TOKEN_REUSE_DETECTED,
    TOKEN_FAMILY_REVOKED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
