package io.tokenlife.domain.settings;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenlifeSettingsTest {

    private static TokenlifeSettings parse(String... keyValues) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return TokenlifeSettings.fromMap(map);
    }

    /** The defaults of docs/reference/configuration.md, written out here so a changed default fails this test. */
    private static final Map<Setting<?>, String> SPEC_DEFAULTS = new LinkedHashMap<>();
    /** How each variable shows in the parsed settings, as the same text as its default ("unset" when absent). */
    private static final Map<Setting<?>, Function<TokenlifeSettings, String>> PARSED = new LinkedHashMap<>();

    static {
        expect(TokenlifeSettings.ENVIRONMENT, "development", s -> s.environment().wireName());
        expect(JwtSettings.ALGORITHM, "HS256", s -> s.jwt().algorithm().joseName());
        expect(JwtSettings.SECRET_KEY, "unset", s -> unset(s.jwt().secretKey()));
        expect(JwtSettings.PREVIOUS_SECRET_KEYS, "unset", s -> s.jwt().previousSecretKeys().isEmpty() ? "unset" : "set");
        expect(KeySettings.KEY_MANAGEMENT, "static", s -> s.keys().management().name().toLowerCase(java.util.Locale.ROOT));
        expect(KeySettings.KEY_ENCRYPTION_SECRET, "unset", s -> unset(s.keys().encryptionSecret()));
        expect(KeySettings.KEY_ROTATION_DAYS, "90", s -> String.valueOf(s.keys().rotationPeriod().toDays()));
        expect(KeySettings.KEY_PUBLISH_AHEAD_MINUTES, "1440", s -> String.valueOf(s.keys().publishAhead().toMinutes()));
        expect(JwtSettings.PRIVATE_KEY_PATH, "unset", s -> unset(s.jwt().privateKeyPath()));
        expect(JwtSettings.PUBLIC_KEY_PATH, "unset", s -> unset(s.jwt().publicKeyPath()));
        expect(JwtSettings.ISSUER, "mcpgateway", s -> s.jwt().issuer());
        expect(JwtSettings.AUDIENCE, "mcpgateway-api", s -> s.jwt().audience());
        expect(ValidationSettings.ISSUER_VERIFICATION, "true", s -> String.valueOf(s.validation().issuerVerification()));
        expect(ValidationSettings.AUDIENCE_VERIFICATION, "true", s -> String.valueOf(s.validation().audienceVerification()));
        expect(ValidationSettings.LEEWAY_SECONDS, "30", s -> String.valueOf(s.validation().leeway().toSeconds()));
        expect(IssuanceSettings.TOKEN_EXPIRY, "20", s -> String.valueOf(s.issuance().sessionLifetime().toMinutes()));
        expect(IssuanceSettings.API_TOKEN_MAX_EXPIRY_DAYS, "365", s -> String.valueOf(s.issuance().apiTokenMaxLifetime().toDays()));
        expect(ValidationSettings.REQUIRE_TOKEN_EXPIRATION, "true", 
                s -> String.valueOf(s.validation().requireExpiration() && s.issuance().requireExpiration()));
        expect(ValidationSettings.REQUIRE_JTI, "false", s -> String.valueOf(s.validation().requireJti()));
        expect(IssuanceSettings.EMBED_ENVIRONMENT_IN_TOKENS, "false", s -> String.valueOf(s.issuance().embedEnvironment()));
        expect(ValidationSettings.VALIDATE_TOKEN_ENVIRONMENT, "false", s -> String.valueOf(s.validation().validateEnvironment()));
        expect(ValidationSettings.REQUIRE_USER_IN_DB, "false", s -> String.valueOf(s.validation().requireUserInDb()));
        expect(AdminSettings.PLATFORM_ADMIN_EMAIL, "admin@example.com", s -> s.admin().platformAdminEmail());
        expect(AdminSettings.PLATFORM_ADMIN_PASSWORD, "unset", s -> unset(s.admin().platformAdminPassword()));
        expect(DatabaseSettings.DATABASE_URL, "jdbc:h2:file:./data/tokenlife", s -> s.database().url());
        expect(ValidationSettings.VERIFIED_TOKEN_CACHE_SIZE, "100000", s -> String.valueOf(s.validation().verifiedTokenCacheSize()));
        expect(SessionSettings.REFRESH_TOKEN_LIFETIME, "1440", s -> String.valueOf(s.sessions().refreshTokenLifetime().toMinutes()));
        expect(SessionSettings.SESSION_IDLE_TIMEOUT, "480", s -> String.valueOf(s.sessions().idleTimeout().toMinutes()));
        expect(SessionSettings.SESSION_MAX_LIFETIME, "1440", s -> String.valueOf(s.sessions().maxLifetime().toMinutes()));
        expect(SessionSettings.REFRESH_REUSE_GRACE_SECONDS, "0", s -> String.valueOf(s.sessions().reuseGrace().toSeconds()));
    }

    private static void expect(Setting<?> variable, String specDefault, Function<TokenlifeSettings, String> parsed) {
        SPEC_DEFAULTS.put(variable, specDefault);
        PARSED.put(variable, parsed);
    }

    private static String unset(Optional<?> value) {
        return value.isEmpty() ? "unset" : "set";
    }

    @Test
    void everyVariableHasTheSpecDefaultWhenUnset() {
        assertThat(SPEC_DEFAULTS.keySet()).as("every domain variable is covered by this test")
                .containsExactlyInAnyOrderElementsOf(TokenlifeSettings.VARIABLES);
        TokenlifeSettings defaults = TokenlifeSettings.fromMap(Map.of());
        for (Setting<?> variable : TokenlifeSettings.VARIABLES) {
            assertThat(PARSED.get(variable).apply(defaults)).as(variable.name()).isEqualTo(SPEC_DEFAULTS.get(variable));
            assertThat(variable.defaultValue().orElse("unset")).as("declared default of " + variable)
                    .isEqualTo(SPEC_DEFAULTS.get(variable));
            assertThat(variable.doc()).as("meaning of " + variable).isNotBlank();
        }
    }

    @Test
    void blankValuesCountAsUnset() {
        TokenlifeSettings s = parse("JWT_LEEWAY_SECONDS", "  ", "ENVIRONMENT", "", "JWT_SECRET_KEY", " ");

        assertThat(s.validation().leeway()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.environment()).isEqualTo(DeploymentEnvironment.DEVELOPMENT);
        assertThat(s.jwt().secretKey()).isEmpty();
    }

    @Test
    void valuesAreTrimmed() {
        TokenlifeSettings s = parse("JWT_LEEWAY_SECONDS", " 12 ", "JWT_ISSUER", " issuer-a ");

        assertThat(s.validation().leeway()).isEqualTo(Duration.ofSeconds(12));
        assertThat(s.jwt().issuer()).isEqualTo("issuer-a");
    }

    @ParameterizedTest
    @CsvSource({"true,true", "TRUE,true", "1,true", "yes,true", "On,true",
            "false,false", "False,false", "0,false", "no,false", "off,false"})
    void booleansAcceptTheUsualSpellings(String raw, boolean expected) {
        TokenlifeSettings s = parse("REQUIRE_JTI", raw, "JWT_ISSUER_VERIFICATION", raw, "JWT_AUDIENCE_VERIFICATION", raw,
                "REQUIRE_TOKEN_EXPIRATION", raw, "EMBED_ENVIRONMENT_IN_TOKENS", raw, "VALIDATE_TOKEN_ENVIRONMENT", raw,
                "REQUIRE_USER_IN_DB", raw);

        assertThat(s.validation().requireJti()).isEqualTo(expected);
        assertThat(s.validation().issuerVerification()).isEqualTo(expected);
        assertThat(s.validation().audienceVerification()).isEqualTo(expected);
        assertThat(s.validation().requireExpiration()).isEqualTo(expected);
        assertThat(s.issuance().requireExpiration()).isEqualTo(expected);
        assertThat(s.issuance().embedEnvironment()).isEqualTo(expected);
        assertThat(s.validation().validateEnvironment()).isEqualTo(expected);
        assertThat(s.validation().requireUserInDb()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"REQUIRE_JTI", "JWT_ISSUER_VERIFICATION", "JWT_AUDIENCE_VERIFICATION",
            "REQUIRE_TOKEN_EXPIRATION", "EMBED_ENVIRONMENT_IN_TOKENS", "VALIDATE_TOKEN_ENVIRONMENT", "REQUIRE_USER_IN_DB"})
    void aBooleanThatIsNotOneIsRefusedNamingTheVariableAndTheAllowedValues(String variable) {
        assertThatThrownBy(() -> parse(variable, "maybe"))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageStartingWith(variable + ":")
                .hasMessageContaining("true").hasMessageContaining("false")
                .extracting(e -> ((InvalidSettingsException) e).variable()).isEqualTo(variable);
    }

    @ParameterizedTest
    @CsvSource({
            "JWT_LEEWAY_SECONDS,0,300",
            "TOKEN_EXPIRY,1,10080",
            "API_TOKEN_MAX_EXPIRY_DAYS,1,3650",
            "VERIFIED_TOKEN_CACHE_SIZE,0,10000000"})
    void integersAreAcceptedAtBothEndsOfTheirRangeAndRefusedJustOutside(String variable, int min, int max) {
        assertThat(parse(variable, String.valueOf(min))).isNotNull();
        assertThat(parse(variable, String.valueOf(max))).isNotNull();
        for (String bad : new String[] {String.valueOf(min - 1), String.valueOf(max + 1)}) {
            assertThatThrownBy(() -> parse(variable, bad))
                    .isInstanceOf(InvalidSettingsException.class)
                    .hasMessageStartingWith(variable + ":")
                    .hasMessageContaining(min + " to " + max)
                    .extracting(e -> ((InvalidSettingsException) e).variable()).isEqualTo(variable);
        }
        assertThatThrownBy(() -> parse(variable, "ten"))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageStartingWith(variable + ":")
                .hasMessageContaining("'ten' is not a whole number")
                .hasMessageContaining(min + " to " + max);
    }

    @Test
    void integersInRangeLandInTheirSettings() {
        TokenlifeSettings s = parse("JWT_LEEWAY_SECONDS", "0", "TOKEN_EXPIRY", "60",
                "API_TOKEN_MAX_EXPIRY_DAYS", "30", "VERIFIED_TOKEN_CACHE_SIZE", "0");

        assertThat(s.validation().leeway()).isEqualTo(Duration.ZERO);
        assertThat(s.issuance().sessionLifetime()).isEqualTo(Duration.ofMinutes(60));
        assertThat(s.issuance().apiTokenMaxLifetime()).isEqualTo(Duration.ofDays(30));
        assertThat(s.validation().verifiedTokenCacheSize()).isZero();
    }

    @Test
    void theThreeEnvironmentsAreAcceptedAndAnythingElseIsRefused() {
        assertThat(parse("ENVIRONMENT", "development").environment()).isEqualTo(DeploymentEnvironment.DEVELOPMENT);
        assertThat(parse("ENVIRONMENT", "staging").environment()).isEqualTo(DeploymentEnvironment.STAGING);
        assertThat(parse("ENVIRONMENT", "production").environment()).isEqualTo(DeploymentEnvironment.PRODUCTION);

        assertThatThrownBy(() -> parse("ENVIRONMENT", "prod"))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageStartingWith("ENVIRONMENT:")
                .hasMessageContaining("'prod'")
                .hasMessageContaining("development, staging, production");
    }

    @Test
    void everySupportedAlgorithmIsAcceptedAndNoneOrUnknownAreRefused() {
        for (SigningAlgorithm algorithm : SigningAlgorithm.values()) {
            assertThat(parse("JWT_ALGORITHM", algorithm.joseName()).jwt().algorithm()).isEqualTo(algorithm);
        }
        for (String bad : new String[] {"none", "HS1", "RSA"}) {
            assertThatThrownBy(() -> parse("JWT_ALGORITHM", bad))
                    .isInstanceOf(InvalidSettingsException.class)
                    .hasMessageStartingWith("JWT_ALGORITHM:")
                    .hasMessageContaining("'" + bad + "'")
                    .hasMessageContaining("HS256").hasMessageContaining("RS256").hasMessageContaining("EdDSA");
        }
    }

    @Test
    void databaseUrlIsH2OrPostgres() {
        assertThat(parse("DATABASE_URL", "jdbc:h2:mem:x").database().isEphemeral()).isTrue();
        assertThat(parse("DATABASE_URL", "jdbc:postgresql://db:5432/tokenlife").database().isPostgres()).isTrue();
        assertThat(parse().database().isEphemeral()).isFalse();

        assertThatThrownBy(() -> parse("DATABASE_URL", "jdbc:mysql://db/tokenlife"))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageStartingWith("DATABASE_URL:")
                .hasMessageContaining("jdbc:h2:file:").hasMessageContaining("jdbc:h2:mem:")
                .hasMessageContaining("jdbc:postgresql:");
    }

    @Test
    void platformAdminEmailIsLowerCasedAndMustBeAnAddress() {
        assertThat(parse("PLATFORM_ADMIN_EMAIL", "Root@Example.COM").admin().platformAdminEmail())
                .isEqualTo("root@example.com");
        assertThatThrownBy(() -> parse("PLATFORM_ADMIN_EMAIL", "root"))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageStartingWith("PLATFORM_ADMIN_EMAIL:");
    }

    @Test
    void pathsAreParsed() {
        TokenlifeSettings s = parse("JWT_PRIVATE_KEY_PATH", "/keys/private.pem", "JWT_PUBLIC_KEY_PATH", "/keys/public.pem");

        assertThat(s.jwt().privateKeyPath()).contains(Path.of("/keys/private.pem"));
        assertThat(s.jwt().publicKeyPath()).contains(Path.of("/keys/public.pem"));
    }

    @Test
    void bootstrapAdminIsEnabledOnlyWithAPasswordAndWithoutRequireUserInDb() {
        assertThat(parse().bootstrapAdminEnabled()).isFalse();
        assertThat(parse("PLATFORM_ADMIN_PASSWORD", "a-long-admin-password").bootstrapAdminEnabled()).isTrue();
        assertThat(parse("PLATFORM_ADMIN_PASSWORD", "a-long-admin-password", "REQUIRE_USER_IN_DB", "true")
                .bootstrapAdminEnabled()).isFalse();
    }

    @Test
    void noSecretShowsInTheTextOfAnySettingsRecord() {
        String secret = "very-secret-signing-key-0123456789-abcdef";
        String password = "very-secret-admin-password";
        String dbPassword = "very-secret-db-password";
        TokenlifeSettings s = parse("JWT_SECRET_KEY", secret, "PLATFORM_ADMIN_PASSWORD", password,
                "DATABASE_URL", "jdbc:postgresql://db:5432/tokenlife?user=app&password=" + dbPassword);

        for (Object record : new Object[] {s, s.jwt(), s.admin(), s.database(), s.validation(), s.issuance(),
                s.jwt().secretKey().orElseThrow(), s.admin().platformAdminPassword().orElseThrow()}) {
            assertThat(record.toString()).doesNotContain(secret).doesNotContain(password).doesNotContain(dbPassword);
        }
        assertThat(s.jwt().secretKey().orElseThrow().value()).isEqualTo(secret);
        assertThat(s.database().url()).contains(dbPassword);
    }

    @Test
    void databaseCredentialsInTheAuthorityAreRedacted() {
        DatabaseSettings db = new DatabaseSettings("jdbc:postgresql://app:hunter2-secret@db:5432/tokenlife");

        assertThat(db.toString()).doesNotContain("hunter2-secret").contains("db:5432/tokenlife");
        assertThat(db.redactedUrl()).doesNotContain("hunter2-secret");
    }
}
