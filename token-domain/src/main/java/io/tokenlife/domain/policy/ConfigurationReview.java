package io.tokenlife.domain.policy;

import io.tokenlife.domain.model.Limits;
import io.tokenlife.domain.policy.ConfigurationFinding.Severity;
import io.tokenlife.domain.settings.AdminSettings;
import io.tokenlife.domain.settings.DatabaseSettings;
import io.tokenlife.domain.settings.DeploymentEnvironment;
import io.tokenlife.domain.settings.IssuanceSettings;
import io.tokenlife.domain.settings.JwtSettings;
import io.tokenlife.domain.settings.KeySettings;
import io.tokenlife.domain.settings.Secret;
import io.tokenlife.domain.settings.Setting;
import io.tokenlife.domain.settings.TokenlifeSettings;
import io.tokenlife.domain.settings.ValidationSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The startup review (docs/reference/configuration.md#startup-review): a pure function of the settings.
 * Apps log the warnings with {@code security_event=config_warning} and refuse to start on any error;
 * {@code tokenlife config check} prints the same list.
 */
public final class ConfigurationReview {
    /** Minimum HMAC secret length (RFC 7518 §3.2 asks for a key as long as the hash output). */
    public static final int MIN_SECRET_BYTES = Limits.MIN_HMAC_SECRET_BYTES;

    /** An HMAC key at least as long as the hash output: 32, 48 or 64 bytes. */
    public static int minSecretBytes(io.tokenlife.domain.settings.SigningAlgorithm algorithm) {
        return Limits.minHmacSecretBytes(algorithm);
    }
    public static final int MIN_ADMIN_PASSWORD_LENGTH = 12;

    /** Values seen in examples and tutorials, refused outside development. Compared case-insensitively. */
    static final Set<String> PLACEHOLDERS = Set.of(
            "changeme", "change-me", "change_me", "changeit", "secret", "my-test-key", "my_test_key", "test",
            "testing", "password", "admin", "default", "jwt-secret", "jwt_secret", "your-secret-key",
            "your_secret_key", "your-secret-key-here", "supersecret", "super-secret", "changeme123",
            "mysecret", "secretkey", "secret-key", "12345678", "123456", "qwerty", "letmein");

    private ConfigurationReview() {
    }

    public static List<ConfigurationFinding> review(TokenlifeSettings s) {
        List<ConfigurationFinding> findings = new ArrayList<>();
        if (s.keys().isManaged()) {
            reviewKeyManagement(s, findings); // the static key, if any, is only read by 'keys import'
        } else {
            reviewSigningKeys(s, findings);
        }
        reviewAdminPassword(s, findings);
        reviewIssuerAndAudience(s, findings);
        reviewStorage(s, findings);
        reviewWeakenedChecks(s, findings);
        reviewEnvironmentClaim(s, findings);
        return List.copyOf(findings);
    }

    public static boolean hasErrors(List<ConfigurationFinding> findings) {
        return findings.stream().anyMatch(ConfigurationFinding::isError);
    }

    private static void reviewIssuerAndAudience(TokenlifeSettings s, List<ConfigurationFinding> findings) {
        DeploymentEnvironment env = s.environment();
        if (env.isProtected() && s.jwt().issuer().equals(JwtSettings.ISSUER.defaultValue().orElseThrow())) {
            findings.add(warning("default_issuer", names(TokenlifeSettings.ENVIRONMENT, JwtSettings.ISSUER),
                    "ENVIRONMENT=" + env.wireName() + " uses the default JWT_ISSUER 'mcpgateway': set a distinct "
                            + "issuer per environment so tokens of one are not accepted by another"));
        }
        if (env.isProtected() && s.jwt().audience().equals(JwtSettings.AUDIENCE.defaultValue().orElseThrow())) {
            findings.add(warning("default_audience", names(TokenlifeSettings.ENVIRONMENT, JwtSettings.AUDIENCE),
                    "ENVIRONMENT=" + env.wireName() + " uses the default JWT_AUDIENCE 'mcpgateway-api': set a "
                            + "distinct audience per environment"));
        }
    }

    /** Memory loses everything at restart; an H2 file serves one process only. */
    private static void reviewStorage(TokenlifeSettings s, List<ConfigurationFinding> findings) {
        DeploymentEnvironment env = s.environment();
        if (s.database().isEphemeral() && (env.isProtected() || s.bootstrapAdminEnabled())) {
            // name what makes it matter here: the environment, or the bootstrap admin whose users would vanish
            List<String> variables = new ArrayList<>(names(DatabaseSettings.DATABASE_URL));
            if (env.isProtected()) {
                variables.add(TokenlifeSettings.ENVIRONMENT.name());
            }
            if (s.bootstrapAdminEnabled()) {
                variables.add(AdminSettings.PLATFORM_ADMIN_PASSWORD.name());
            }
            findings.add(warning("ephemeral_storage", variables,
                    "DATABASE_URL is an in-memory H2 database: issued tokens, revocations and users are lost on "
                            + "restart and not shared between replicas; use jdbc:h2:file:... or jdbc:postgresql://..."));
        } else if (s.database().isEmbedded() && env.isProtected()) {
            findings.add(warning("embedded_database", names(DatabaseSettings.DATABASE_URL, TokenlifeSettings.ENVIRONMENT),
                    "DATABASE_URL is an embedded H2 file in " + env.wireName() + ": it serves one process on one "
                            + "machine, so replicas cannot share tokens or revocations; set DATABASE_URL=jdbc:postgresql://..."));
        }
    }

    /** Checks that staging and production must not do without, and the advice production gets on top. */
    private static void reviewWeakenedChecks(TokenlifeSettings s, List<ConfigurationFinding> findings) {
        DeploymentEnvironment env = s.environment();
        if (!env.isProtected()) {
            return;
        }
        String in = " in " + env.wireName() + ": ";
        if (!s.validation().issuerVerification()) {
            findings.add(warning("issuer_verification_off", names(ValidationSettings.ISSUER_VERIFICATION),
                    "JWT_ISSUER_VERIFICATION=false" + in + "a token of any issuer signed with our key is accepted; "
                            + "set JWT_ISSUER_VERIFICATION=true"));
        }
        if (!s.validation().audienceVerification()) {
            findings.add(warning("audience_verification_off", names(ValidationSettings.AUDIENCE_VERIFICATION),
                    "JWT_AUDIENCE_VERIFICATION=false" + in + "a token meant for another service is accepted; "
                            + "set JWT_AUDIENCE_VERIFICATION=true"));
        }
        if (!s.validation().requireExpiration()) {
            findings.add(warning("expiration_not_required", names(ValidationSettings.REQUIRE_TOKEN_EXPIRATION),
                    "REQUIRE_TOKEN_EXPIRATION=false" + in + "tokens without exp are accepted and API tokens may be "
                            + "issued that never expire; set REQUIRE_TOKEN_EXPIRATION=true"));
        }
        if (!s.validation().requireJti()) {
            findings.add(warning("production_require_jti", names(ValidationSettings.REQUIRE_JTI),
                    "REQUIRE_JTI=false" + in + "tokens without a jti cannot be revoked one by one; "
                            + "set REQUIRE_JTI=true once every client holds a token issued by tokenlife"));
        }
        if (env != DeploymentEnvironment.PRODUCTION) {
            return;
        }
        if (!s.validation().validateEnvironment()) {
            findings.add(warning("production_validate_environment", names(ValidationSettings.VALIDATE_TOKEN_ENVIRONMENT),
                    "VALIDATE_TOKEN_ENVIRONMENT=false in production: a token minted for another environment "
                            + "with the same key is accepted; set EMBED_ENVIRONMENT_IN_TOKENS=true and "
                            + "VALIDATE_TOKEN_ENVIRONMENT=true"));
        }
        if (!s.validation().requireUserInDb()) {
            findings.add(warning("production_require_user_in_db", names(ValidationSettings.REQUIRE_USER_IN_DB),
                    "REQUIRE_USER_IN_DB=false in production: tokens of deleted or unknown users stay valid "
                            + "until they expire, and the platform-admin bootstrap is enabled; set "
                            + "REQUIRE_USER_IN_DB=true once the admin exists as a user"));
        }
    }

    private static void reviewEnvironmentClaim(TokenlifeSettings s, List<ConfigurationFinding> findings) {
        if (s.validation().validateEnvironment() && !s.issuance().embedEnvironment()) {
            findings.add(warning("environment_not_embedded",
                    names(ValidationSettings.VALIDATE_TOKEN_ENVIRONMENT, IssuanceSettings.EMBED_ENVIRONMENT_IN_TOKENS),
                    "VALIDATE_TOKEN_ENVIRONMENT=true while EMBED_ENVIRONMENT_IN_TOKENS=false: our own tokens carry "
                            + "no env claim, so there is nothing to compare; set EMBED_ENVIRONMENT_IN_TOKENS=true"));
        }
        if (s.jwt().algorithm().isSymmetric() && s.environment().isProtected()
                && !(s.issuance().embedEnvironment() && s.validation().validateEnvironment())) {
            findings.add(warning("shared_hmac_secret", names(JwtSettings.ALGORITHM, JwtSettings.SECRET_KEY,
                            IssuanceSettings.EMBED_ENVIRONMENT_IN_TOKENS, ValidationSettings.VALIDATE_TOKEN_ENVIRONMENT),
                    "JWT_ALGORITHM=" + s.jwt().algorithm() + " signs with a shared secret: if the same JWT_SECRET_KEY "
                            + "is used in another environment, its tokens are accepted here. Use a distinct secret, "
                            + "issuer and audience per environment, or set EMBED_ENVIRONMENT_IN_TOKENS=true and "
                            + "VALIDATE_TOKEN_ENVIRONMENT=true"));
        }
    }

    private static void reviewSigningKeys(TokenlifeSettings s, List<ConfigurationFinding> findings) {
        DeploymentEnvironment env = s.environment();
        if (s.jwt().algorithm().isSymmetric()) {
            Optional<Secret> secret = s.jwt().secretKey();
            if (secret.isEmpty()) {
                if (env.isProtected()) {
                    findings.add(error("secret_missing", names(JwtSettings.SECRET_KEY),
                            "JWT_SECRET_KEY is unset in " + env.wireName() + ": set a random secret of at least "
                                    + minSecretBytes(s.jwt().algorithm()) + " bytes for " + s.jwt().algorithm()
                                    + " (for example: openssl rand -base64 48)"));
                } else {
                    findings.add(warning("secret_generated", names(JwtSettings.SECRET_KEY),
                            "JWT_SECRET_KEY is unset: " + generatedKey(s)));
                }
            } else if (env.isProtected() && isPlaceholder(secret.get())) {
                findings.add(error("secret_placeholder", names(JwtSettings.SECRET_KEY),
                        "JWT_SECRET_KEY is a well-known placeholder value: set a random secret of at least "
                                + minSecretBytes(s.jwt().algorithm()) + " bytes for " + s.jwt().algorithm()));
            } else if (secret.get().lengthInBytes() < minSecretBytes(s.jwt().algorithm())) {
                // the signer cannot use it at all (RFC 7518 §3.2), so this is an error in every environment
                findings.add(error("secret_too_short", names(JwtSettings.SECRET_KEY, JwtSettings.ALGORITHM),
                        "JWT_SECRET_KEY is " + secret.get().lengthInBytes() + " bytes long; " + s.jwt().algorithm()
                                + " needs at least " + minSecretBytes(s.jwt().algorithm())
                                + " (for example: tokenlife keys generate --alg " + s.jwt().algorithm() + ")"));
            } else if (isPlaceholder(secret.get())) {
                findings.add(warning("secret_weak", names(JwtSettings.SECRET_KEY),
                        "JWT_SECRET_KEY is a well-known placeholder value: accepted in development only"));
            }
        } else {
            boolean pathsMissing = s.jwt().privateKeyPath().isEmpty() || s.jwt().publicKeyPath().isEmpty();
            if (pathsMissing && env.isProtected()) {
                findings.add(error("key_paths_missing", names(JwtSettings.PRIVATE_KEY_PATH, JwtSettings.PUBLIC_KEY_PATH),
                        "JWT_ALGORITHM=" + s.jwt().algorithm() + " needs JWT_PRIVATE_KEY_PATH and JWT_PUBLIC_KEY_PATH "
                                + "(PEM files; tokenlife keys generate --alg " + s.jwt().algorithm() + " makes them)"));
            } else if (pathsMissing) {
                findings.add(warning("key_pair_generated", names(JwtSettings.PRIVATE_KEY_PATH, JwtSettings.PUBLIC_KEY_PATH),
                        "JWT_PRIVATE_KEY_PATH/JWT_PUBLIC_KEY_PATH unset: " + generatedKey(s)));
            }
        }
    }

    /** Where the development key lives: a file beside the H2 database, or this process only. */
    private static String generatedKey(TokenlifeSettings s) {
        return s.developmentKeyFile()
                .map(file -> "a development key is generated once and kept in " + file + " (beside the H2 database), "
                        + "so tokens survive a restart; other machines cannot verify them. Development only: configure "
                        + "a key before staging or production")
                .orElse("a random key is used for this process only; its tokens stop working at restart and other "
                        + "replicas cannot verify them");
    }

    /** Managed keys: the key-encryption secret is required outside development and must be long enough. */
    private static void reviewKeyManagement(TokenlifeSettings s, List<ConfigurationFinding> findings) {
        if (!s.keys().isManaged()) {
            return;
        }
        Optional<Secret> secret = s.keys().encryptionSecret();
        if (secret.isEmpty()) {
            findings.add(s.environment().isProtected()
                    ? error("key_encryption_secret_missing", names(KeySettings.KEY_ENCRYPTION_SECRET, KeySettings.KEY_MANAGEMENT),
                    "KEY_MANAGEMENT=managed needs KEY_ENCRYPTION_SECRET in " + s.environment().wireName()
                            + " to encrypt the signing keys in the database (for example: openssl rand -base64 48)")
                    : warning("key_encryption_secret_missing", names(KeySettings.KEY_ENCRYPTION_SECRET),
                    "KEY_ENCRYPTION_SECRET is unset: managed signing keys are encrypted under a fixed development "
                            + "secret that anyone can read in the source; set one before staging or production"));
        } else if (secret.get().lengthInBytes() < KeySettings.MIN_ENCRYPTION_SECRET_BYTES) {
            findings.add(error("key_encryption_secret_too_short", names(KeySettings.KEY_ENCRYPTION_SECRET),
                    "KEY_ENCRYPTION_SECRET is " + secret.get().lengthInBytes() + " bytes long; at least "
                            + KeySettings.MIN_ENCRYPTION_SECRET_BYTES + " are required"));
        }
        if (s.database().isEphemeral()) {
            findings.add(warning("managed_keys_ephemeral", names(KeySettings.KEY_MANAGEMENT, DatabaseSettings.DATABASE_URL),
                    "KEY_MANAGEMENT=managed with an in-memory database: the keys are lost at restart, and every "
                            + "token with them"));
        }
    }

    private static void reviewAdminPassword(TokenlifeSettings s, List<ConfigurationFinding> findings) {
        Optional<Secret> password = s.admin().platformAdminPassword();
        if (password.isEmpty() || !s.environment().isProtected()) {
            return;
        }
        if (isPlaceholder(password.get()) || password.get().value().length() < MIN_ADMIN_PASSWORD_LENGTH) {
            findings.add(error("admin_password_weak", names(AdminSettings.PLATFORM_ADMIN_PASSWORD),
                    "PLATFORM_ADMIN_PASSWORD is too weak for " + s.environment().wireName() + ": use at least "
                            + MIN_ADMIN_PASSWORD_LENGTH + " characters that are not a placeholder, or unset it"));
        }
    }

    static boolean isPlaceholder(Secret secret) {
        return PLACEHOLDERS.contains(secret.value().trim().toLowerCase(Locale.ROOT));
    }

    private static List<String> names(Setting<?>... settings) {
        return Stream.of(settings).map(Setting::name).toList();
    }

    private static ConfigurationFinding warning(String code, List<String> variables, String message) {
        return new ConfigurationFinding(Severity.WARNING, code, variables, message);
    }

    private static ConfigurationFinding error(String code, List<String> variables, String message) {
        return new ConfigurationFinding(Severity.ERROR, code, variables, message);
    }
}
