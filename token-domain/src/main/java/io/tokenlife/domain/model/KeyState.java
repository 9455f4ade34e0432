package io.tokenlife.domain.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a managed signing key is in its life: {@code next} (published, not yet signing) → {@code active}
 * (signs; one per algorithm) → {@code retired} (verifies, still published, until its last token expires)
 * → {@code removed}. {@code revoked} is the emergency exit from any state: the key and every token it
 * signed are refused.
 */
public enum KeyState {
    NEXT, ACTIVE, RETIRED, REMOVED, REVOKED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<KeyState> fromWireName(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName().equals(name)).findFirst();
    }

    /** Tokens signed by the key are accepted (and, for asymmetric keys, it is in the JWKS). */
    public boolean verifies() {
        return this == NEXT || this == ACTIVE || this == RETIRED;
    }
}
