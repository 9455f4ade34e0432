package io.tokenlife.domain.model;

import java.util.Locale;

/** The stable codes of validation (docs/explanation/token-lifecycle.md#validation), in the order the checks run. */
public enum ValidationCode {
    TOKEN_MALFORMED,
    TOKEN_ALGORITHM_NOT_ALLOWED,
    TOKEN_SIGNATURE_INVALID,
    TOKEN_MISSING_EXPIRATION,
    TOKEN_EXPIRED,
    TOKEN_NOT_YET_VALID,
    TOKEN_ISSUER_INVALID,
    TOKEN_AUDIENCE_INVALID,
    TOKEN_MISSING_JTI,
    TOKEN_ENVIRONMENT_MISMATCH,
    TOKEN_REVOKED,
    USER_NOT_FOUND,
    USER_DISABLED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
