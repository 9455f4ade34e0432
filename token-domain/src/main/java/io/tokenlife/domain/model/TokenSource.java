package io.tokenlife.domain.model;

import java.util.Arrays;
import java.util.Locale;

/** The path through which a token was born; every source goes through the one issuance use case. */
public enum TokenSource {
    LOGIN, ADMIN_UI, API, SSO, CLI,
    /** A session token minted by {@code POST /auth/refresh}, in the family of the login it descends from. */
    REFRESH;

    /** The name used in JSON, the registry and the CLI. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TokenSource fromWireName(String value) {
        return Arrays.stream(values())
                .filter(s -> s.wireName().equals(value))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown token source '" + value + "'; allowed: login, admin_ui, api, sso, cli, refresh"));
    }
}
