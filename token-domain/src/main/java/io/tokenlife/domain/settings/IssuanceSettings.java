package io.tokenlife.domain.settings;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** Lifetimes and claims of the tokens the platform issues. */
public record IssuanceSettings(Duration sessionLifetime, Duration apiTokenMaxLifetime, boolean requireExpiration,
                               boolean embedEnvironment) {
    public static final Setting<Integer> TOKEN_EXPIRY = Setting.integer("TOKEN_EXPIRY", 20, 1, 10_080, Section.ISSUANCE)
            .allowing("`1` to `10080` (minutes)")
            .doc("Lifetime of a session token (login, admin UI, SSO, `tokenlife token create` without `--exp`)");
    public static final Setting<Integer> API_TOKEN_MAX_EXPIRY_DAYS = Setting.integer("API_TOKEN_MAX_EXPIRY_DAYS", 365, 1,
                    3650, Section.ISSUANCE)
            .allowing("`1` to `3650` (days)")
            .doc("Longest lifetime any token may be given");
    public static final Setting<Boolean> EMBED_ENVIRONMENT_IN_TOKENS = Setting.flag("EMBED_ENVIRONMENT_IN_TOKENS", false,
                    Section.ISSUANCE)
            .doc("Put `\"env\": <ENVIRONMENT>` in every token the platform issues");

    /** {@code REQUIRE_TOKEN_EXPIRATION} is declared with validation and read here too. */
    public static final List<Setting<?>> VARIABLES = List.of(TOKEN_EXPIRY, API_TOKEN_MAX_EXPIRY_DAYS,
            EMBED_ENVIRONMENT_IN_TOKENS);

    public IssuanceSettings {
        Objects.requireNonNull(sessionLifetime, "sessionLifetime");
        Objects.requireNonNull(apiTokenMaxLifetime, "apiTokenMaxLifetime");
    }

    public static IssuanceSettings from(ConfigSource source) {
        return new IssuanceSettings(Duration.ofMinutes(TOKEN_EXPIRY.read(source)),
                Duration.ofDays(API_TOKEN_MAX_EXPIRY_DAYS.read(source)),
                ValidationSettings.REQUIRE_TOKEN_EXPIRATION.read(source), EMBED_ENVIRONMENT_IN_TOKENS.read(source));
    }
}
