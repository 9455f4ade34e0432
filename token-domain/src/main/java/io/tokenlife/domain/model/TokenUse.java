package io.tokenlife.domain.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The {@code token_use} claim: an interactive session or a long-lived API token. */
public enum TokenUse {
    SESSION, API;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<TokenUse> fromWireName(String value) {
        return Arrays.stream(values()).filter(u -> u.wireName().equals(value)).findFirst();
    }
}
