package io.tokenlife.domain.settings;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** The switches of the validation policy. */
public record ValidationSettings(boolean issuerVerification, boolean audienceVerification, Duration leeway,
                                 boolean requireExpiration, boolean requireJti, boolean validateEnvironment,
                                 boolean requireUserInDb, int verifiedTokenCacheSize) {
    public static final Setting<Boolean> ISSUER_VERIFICATION = Setting.flag("JWT_ISSUER_VERIFICATION", true, Section.VALIDATION)
            .doc("Check `iss` on validation; turn off only for tokens of a trusted party that sets none");
    public static final Setting<Boolean> AUDIENCE_VERIFICATION = Setting.flag("JWT_AUDIENCE_VERIFICATION", true, Section.VALIDATION)
            .doc("Check `aud` on validation; turn off only for tokens of a trusted party that sets none");
    public static final Setting<Integer> LEEWAY_SECONDS = Setting.integer("JWT_LEEWAY_SECONDS", 30, 0, 300, Section.VALIDATION)
            .allowing("`0` to `300` (seconds)")
            .doc("Clock skew allowed on `exp`, `nbf` and `iat`");
    public static final Setting<Boolean> REQUIRE_TOKEN_EXPIRATION = Setting.flag("REQUIRE_TOKEN_EXPIRATION", true,
                    Section.VALIDATION)
            .doc("Reject tokens without `exp`; API tokens must then be given an expiry");
    public static final Setting<Boolean> REQUIRE_JTI = Setting.flag("REQUIRE_JTI", false, Section.VALIDATION)
            .doc("Reject tokens without `jti` (`token_missing_jti`); when false they are accepted with a warning event. "
                    + "Turn on in staging and production once every client holds a token issued by tokenlife");
    public static final Setting<Boolean> VALIDATE_TOKEN_ENVIRONMENT = Setting.flag("VALIDATE_TOKEN_ENVIRONMENT", false,
                    Section.VALIDATION)
            .doc("Reject a token whose `env` differs from `ENVIRONMENT` (`token_environment_mismatch`); a token without "
                    + "`env` is still accepted. Pair with `EMBED_ENVIRONMENT_IN_TOKENS=true`");
    public static final Setting<Boolean> REQUIRE_USER_IN_DB = Setting.flag("REQUIRE_USER_IN_DB", false, Section.VALIDATION)
            .doc("Reject tokens whose subject is not an active user in the database (`user_not_found`, "
                    + "`user_disabled`); also disables the platform-admin bootstrap");
    public static final Setting<Integer> VERIFIED_TOKEN_CACHE_SIZE = Setting.integer("VERIFIED_TOKEN_CACHE_SIZE", 100_000,
                    0, 10_000_000, Section.PERFORMANCE)
            .allowing("`0` to `10000000` (`0` turns it off)")
            .doc("Tokens whose signature was already verified, kept parsed; expiry, issuer, audience, `jti`, "
                    + "environment, revocation and user checks still run on every call");

    public static final List<Setting<?>> VARIABLES = List.of(ISSUER_VERIFICATION, AUDIENCE_VERIFICATION, LEEWAY_SECONDS,
            REQUIRE_TOKEN_EXPIRATION, REQUIRE_JTI, VALIDATE_TOKEN_ENVIRONMENT, REQUIRE_USER_IN_DB,
            VERIFIED_TOKEN_CACHE_SIZE);

    public ValidationSettings {
        Objects.requireNonNull(leeway, "leeway");
    }

    public static ValidationSettings from(ConfigSource source) {
        return new ValidationSettings(ISSUER_VERIFICATION.read(source), AUDIENCE_VERIFICATION.read(source),
                Duration.ofSeconds(LEEWAY_SECONDS.read(source)), REQUIRE_TOKEN_EXPIRATION.read(source),
                REQUIRE_JTI.read(source), VALIDATE_TOKEN_ENVIRONMENT.read(source), REQUIRE_USER_IN_DB.read(source),
                VERIFIED_TOKEN_CACHE_SIZE.read(source));
    }

    /** The same switches with {@code REQUIRE_USER_IN_DB} set as given. */
    public ValidationSettings withRequireUserInDb(boolean value) {
        return new ValidationSettings(issuerVerification, audienceVerification, leeway, requireExpiration, requireJti,
                validateEnvironment, value, verifiedTokenCacheSize);
    }
}
