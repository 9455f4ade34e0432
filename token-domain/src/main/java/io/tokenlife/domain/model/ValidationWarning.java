package io.tokenlife.domain.model;

import java.util.Locale;

/** Something a valid token got away with, reported to callers and logged as a security event. */
public enum ValidationWarning {
    TOKEN_MISSING_JTI_ACCEPTED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
