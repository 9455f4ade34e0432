package io.tokenlife.domain.settings;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
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
    private static final Map<ConfigVariable, String> SPEC_DEFAULTS = new EnumMap<>(ConfigVariable.class);
    /** How each variable shows in the parsed settings, as the same text as its default ("unset" when absent). */
    private static final Map<ConfigVariable, Function<TokenlifeSettings, String>> PARSED = new EnumMap<>(ConfigVariable.class);

    static {
        expect(ConfigVariable.ENVIRONMENT, "development", s -> s.environment().wireName());
        expect(ConfigVariable.JWT_ALGORITHM, "HS256", s -> s.jwt().algorithm().joseName());
        expect(ConfigVariable.JWT_SECRET_KEY, "unset", s -> unset(s.jwt().secretKey()));
        expect(ConfigVariable.JWT_PRIVATE_KEY_PATH, "unset", s -> unset(s.jwt().privateKeyPath()));
        expect(ConfigVariable.JWT_PUBLIC_KEY_PATH, "unset", s -> unset(s.jwt().publicKeyPath()));
        expect(ConfigVariable.JWT_ISSUER, "mcpgateway", s -> s.jwt().issuer());
        expect(ConfigVariable.JWT_AUDIENCE, "mcpgateway-api", s -> s.jwt().audience());
        expect(ConfigVariable.JWT_ISSUER_VERIFICATION, "true", s -> String.valueOf(s.validation().issuerVerification()));
        expect(ConfigVariable.JWT_AUDIENCE_VERIFICATION, "true", s -> String.valueOf(s.validation().audienceVerification()));
        expect(ConfigVariable.JWT_LEEWAY_SECONDS, "30", s -> String.valueOf(s.validation().leeway().toSeconds()));
        expect(ConfigVariable.TOKEN_EXPIRY, "20", s -> String.valueOf(s.issuance().sessionLifetime().toMinutes()));
        expect(ConfigVariable.API_TOKEN_MAX_EXPIRY_DAYS, "365", s -> String.valueOf(s.issuance().apiTokenMaxLifetime().toDays()));
        expect(ConfigVariable.REQUIRE_TOKEN_EXPIRATION, "true", 
                s -> String.valueOf(s.validation().requireExpiration() && s.issuance().requireExpiration()));
        expect(ConfigVariable.REQUIRE_JTI, "false", s -> String.valueOf(s.validation().requireJti()));
        expect(ConfigVariable.EMBED_ENVIRONMENT_IN_TOKENS, "false", s -> String.valueOf(s.issuance().embedEnvironment()));
        expect(ConfigVariable.VALIDATE_TOKEN_ENVIRONMENT, "false", s -> String.valueOf(s.validation().validateEnvironment()));
        expect(ConfigVariable.REQUIRE_USER_IN_DB, "false", s -> String.valueOf(s.validation().requireUserInDb()));
        expect(ConfigVariable.PLATFORM_ADMIN_EMAIL, "admin@example.com", s -> s.admin().platformAdminEmail());
        expect(ConfigVariable.PLATFORM_ADMIN_PASSWORD, "unset", s -> unset(s.admin().platformAdminPassword()));
        expect(ConfigVariable.DATABASE_URL, "jdbc:h2:file:./data/tokenlife", s -> s.database().url());
        expect(ConfigVariable.HOST, "127.0.0.1", s -> s.server().host());
        expect(ConfigVariable.PORT, "4444", s -> String.valueOf(s.server().port()));
        expect(ConfigVariable.SSO_PROVIDERS_FILE, "unset", s -> unset(s.server().ssoProvidersFile()));
        expect(ConfigVariable.PUBLIC_URL, "unset", s -> unset(s.server().publicUrl()));
        expect(ConfigVariable.SECURE_COOKIES, "true", s -> String.valueOf(s.server().secureCookies()));
        expect(ConfigVariable.MAX_FAILED_LOGIN_ATTEMPTS, "5", s -> String.valueOf(s.server().loginLimits().maxFailedAttempts()));
        expect(ConfigVariable.ACCOUNT_LOCKOUT_DURATION_MINUTES, "30",
                s -> String.valueOf(s.server().loginLimits().lockout().toMinutes()));
        expect(ConfigVariable.LOGIN_RATE_LIMIT_PER_MINUTE, "20",
                s -> String.valueOf(s.server().loginLimits().perAddressPerMinute()));
        expect(ConfigVariable.LOG_FORMAT, "text", s -> s.server().logFormat().name().toLowerCase());
        expect(ConfigVariable.VERIFIED_TOKEN_CACHE_SIZE, "100000", s -> String.valueOf(s.validation().verifiedTokenCacheSize()));
    }

    private static void expect(ConfigVariable variable, String specDefault, Function<TokenlifeSettings, String> parsed) {
        SPEC_DEFAULTS.put(variable, specDefault);
        PARSED.put(variable, parsed);
    }

    private static String unset(Optional<?> value) {
        return value.isEmpty() ? "unset" : "set";
    }

    @Test
    void everyVariableHasTheSpecDefaultWhenUnset() {
        assertThat(SPEC_DEFAULTS.keySet()).as("every ConfigVariable is covered by this test")
                .containsExactlyInAnyOrder(ConfigVariable.values());
        TokenlifeSettings defaults = TokenlifeSettings.fromMap(Map.of());
        for (ConfigVariable variable : ConfigVariable.values()) {
            assertThat(PARSED.get(variable).apply(defaults)).as(variable.name()).isEqualTo(SPEC_DEFAULTS.get(variable));
            assertThat(variable.defaultValue().orElse("unset")).as("declared default of " + variable)
                    .isEqualTo(SPEC_DEFAULTS.get(variable));
            assertThat(variable.meaning()).as("meaning of " + variable).isNotBlank();
        }
    }

    @Test
    void publicUrlMustBeAnAbsoluteHttpUrl() {
        assertThat(parse("PUBLIC_URL", "https://tokens.example.com").server().publicUrl())
                .hasValueSatisfying(u -> assertThat(u.getHost()).isEqualTo("tokens.example.com"));
        for (String bad : new String[]{"tokens.example.com", "ftp://tokens.example.com", "https://", "http://a b"}) {
            assertThatThrownBy(() -> parse("PUBLIC_URL", bad)).as(bad)
                    .isInstanceOf(InvalidSettingsException.class).hasMessageStartingWith("PUBLIC_URL: ");
        }
    }

    @Test
    void loginLimitsAreParsedAndOutOfRangeValuesNameTheirVariable() {
        LoginLimitSettings limits = parse("MAX_FAILED_LOGIN_ATTEMPTS", "3", "ACCOUNT_LOCKOUT_DURATION_MINUTES", "7",
                "LOGIN_RATE_LIMIT_PER_MINUTE", "50", "SECURE_COOKIES", "false").server().loginLimits();
        assertThat(limits).isEqualTo(new LoginLimitSettings(3, Duration.ofMinutes(7), 50));
        assertThat(parse("SECURE_COOKIES", "false").server().secureCookies()).isFalse();
        assertThatThrownBy(() -> parse("MAX_FAILED_LOGIN_ATTEMPTS", "0"))
                .hasMessageStartingWith("MAX_FAILED_LOGIN_ATTEMPTS: 0 is out of range");
        assertThatThrownBy(() -> parse("LOGIN_RATE_LIMIT_PER_MINUTE", "many"))
                .hasMessageStartingWith("LOGIN_RATE_LIMIT_PER_MINUTE: 'many' is not a whole number");
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
        TokenlifeSettings s = parse("PORT", " 8080 ", "JWT_ISSUER", " issuer-a ");

        assertThat(s.server().port()).isEqualTo(8080);
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
            "PORT,0,65535",
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
        TokenlifeSettings s = parse("JWT_LEEWAY_SECONDS", "0", "PORT", "0", "TOKEN_EXPIRY", "60",
                "API_TOKEN_MAX_EXPIRY_DAYS", "30", "VERIFIED_TOKEN_CACHE_SIZE", "0");

        assertThat(s.validation().leeway()).isEqualTo(Duration.ZERO);
        assertThat(s.server().port()).isZero();
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
    void logFormatIsTextOrJson() {
        assertThat(parse("LOG_FORMAT", "json").server().logFormat()).isEqualTo(LogFormat.JSON);
        assertThat(parse("LOG_FORMAT", "text").server().logFormat()).isEqualTo(LogFormat.TEXT);

        assertThatThrownBy(() -> parse("LOG_FORMAT", "xml"))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageStartingWith("LOG_FORMAT:")
                .hasMessageContaining("text, json");
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
        TokenlifeSettings s = parse("JWT_PRIVATE_KEY_PATH", "/keys/private.pem", "JWT_PUBLIC_KEY_PATH", "/keys/public.pem",
                "SSO_PROVIDERS_FILE", "/etc/tokenlife/sso.json");

        assertThat(s.jwt().privateKeyPath()).contains(Path.of("/keys/private.pem"));
        assertThat(s.jwt().publicKeyPath()).contains(Path.of("/keys/public.pem"));
        assertThat(s.server().ssoProvidersFile()).contains(Path.of("/etc/tokenlife/sso.json"));
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
                s.server(), s.jwt().secretKey().orElseThrow(), s.admin().platformAdminPassword().orElseThrow()}) {
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
