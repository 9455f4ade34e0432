package io.tokenlife.domain.model;

import java.util.Arrays;
import java.util.Locale;

/** Where a registered token stands at an instant. Revoked wins over expired. */
public enum TokenStatus {
    ACTIVE, REVOKED, EXPIRED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TokenStatus fromWireName(String value) {
        return Arrays.stream(values())
                .filter(s -> s.wireName().equals(value))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown status '" + value + "'; allowed: active, revoked, expired"));
    }
}
