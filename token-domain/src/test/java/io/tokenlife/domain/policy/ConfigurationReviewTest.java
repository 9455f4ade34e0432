package io.tokenlife.domain.policy;

import io.tokenlife.domain.policy.ConfigurationFinding.Severity;
import io.tokenlife.domain.settings.TokenlifeSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class ConfigurationReviewTest {
    private static final String STRONG_SECRET = "k3T9-pQ2x!vL8zR4mW7nB1cY6hJ0sD5fG3aE8uI2oP4-Zq7Wm2Xc9Vb4Nn1Hj6Kk3Ll8";
    private static final String STRONG_PASSWORD = "correct-horse-battery-staple";

    /** A production configuration that follows every piece of advice: no findings at all. */
    private static Map<String, String> cleanProduction() {
        Map<String, String> m = new HashMap<>();
        m.put("ENVIRONMENT", "production");
        m.put("JWT_SECRET_KEY", STRONG_SECRET);
        m.put("JWT_ISSUER", "tokenlife-prod");
        m.put("JWT_AUDIENCE", "tokenlife-prod-api");
        m.put("DATABASE_URL", "jdbc:postgresql://db:5432/tokenlife");
        m.put("REQUIRE_JTI", "true");
        m.put("EMBED_ENVIRONMENT_IN_TOKENS", "true");
        m.put("VALIDATE_TOKEN_ENVIRONMENT", "true");
        m.put("REQUIRE_USER_IN_DB", "true");
        return m;
    }

    private static List<ConfigurationFinding> review(Map<String, String> base, String... overrides) {
        Map<String, String> m = new HashMap<>(base);
        for (int i = 0; i < overrides.length; i += 2) {
            if (overrides[i + 1] == null) {
                m.remove(overrides[i]);
            } else {
                m.put(overrides[i], overrides[i + 1]);
            }
        }
        return ConfigurationReview.review(TokenlifeSettings.fromMap(m));
    }

    private static List<ConfigurationFinding> production(String... overrides) {
        return review(cleanProduction(), overrides);
    }

    private static List<ConfigurationFinding> staging(String... overrides) {
        return review(cleanProduction(), prepend(overrides, "ENVIRONMENT", "staging"));
    }

    private static List<ConfigurationFinding> development(String... overrides) {
        return review(Map.of("JWT_SECRET_KEY", STRONG_SECRET), overrides);
    }

    private static String[] prepend(String[] overrides, String... first) {
        String[] all = new String[first.length + overrides.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(overrides, 0, all, first.length, overrides.length);
        return all;
    }

    private static Map<String, Severity> codes(List<ConfigurationFinding> findings) {
        return findings.stream().collect(Collectors.toMap(ConfigurationFinding::code, ConfigurationFinding::severity));
    }

    @Test
    void aProductionConfigurationThatFollowsTheAdviceHasNoFindings() {
        assertThat(production()).isEmpty();
        assertThat(staging()).isEmpty();
    }

    @Test
    void developmentDefaultsWithASecretHaveNoFindings() {
        assertThat(development()).isEmpty();
    }

    @Test
    void theDefaultIssuerIsAWarningInStagingAndProductionOnly() {
        assertThat(codes(production("JWT_ISSUER", null))).containsExactly(Map.entry("default_issuer", Severity.WARNING));
        assertThat(codes(staging("JWT_ISSUER", null))).containsExactly(Map.entry("default_issuer", Severity.WARNING));
        assertThat(codes(development())).doesNotContainKey("default_issuer");
        assertThat(production("JWT_ISSUER", null).get(0).variables()).containsExactly("ENVIRONMENT", "JWT_ISSUER");
    }

    @Test
    void theDefaultAudienceIsAWarningInStagingAndProductionOnly() {
        assertThat(codes(production("JWT_AUDIENCE", null))).containsExactly(Map.entry("default_audience", Severity.WARNING));
        assertThat(codes(staging("JWT_AUDIENCE", null))).containsExactly(Map.entry("default_audience", Severity.WARNING));
        assertThat(codes(development())).doesNotContainKey("default_audience");
    }

    @Test
    void ephemeralStorageIsAWarningOutsideDevelopment() {
        assertThat(codes(production("DATABASE_URL", "jdbc:h2:mem:x")))
                .containsExactly(Map.entry("ephemeral_storage", Severity.WARNING));
        assertThat(codes(staging("DATABASE_URL", "jdbc:h2:mem:x")))
                .containsExactly(Map.entry("ephemeral_storage", Severity.WARNING));
        assertThat(production("DATABASE_URL", "jdbc:h2:mem:x").get(0).variables())
                .containsExactly("DATABASE_URL", "ENVIRONMENT");
    }

    @Test
    void ephemeralStorageNamesThePasswordOnlyWhenTheBootstrapAdminIsWhyItMatters() {
        assertThat(development("DATABASE_URL", "jdbc:h2:mem:x", "PLATFORM_ADMIN_PASSWORD", "pw").get(0).variables())
                .containsExactly("DATABASE_URL", "PLATFORM_ADMIN_PASSWORD");
        assertThat(production("DATABASE_URL", "jdbc:h2:mem:x", "PLATFORM_ADMIN_PASSWORD", STRONG_PASSWORD,
                "REQUIRE_USER_IN_DB", "false").stream().filter(f -> f.code().equals("ephemeral_storage"))
                .findFirst().orElseThrow().variables())
                .containsExactly("DATABASE_URL", "ENVIRONMENT", "PLATFORM_ADMIN_PASSWORD");
    }

    @Test
    void anEmbeddedH2FileIsAWarningInStagingAndProductionNamingPostgres() {
        for (String url : new String[] {"jdbc:h2:file:./data/x", "jdbc:h2:./data/x"}) {
            List<ConfigurationFinding> findings = production("DATABASE_URL", url);
            assertThat(codes(findings)).as(url).containsExactly(Map.entry("embedded_database", Severity.WARNING));
            assertThat(findings.get(0).message()).contains("DATABASE_URL").contains("jdbc:postgresql://");
            assertThat(codes(staging("DATABASE_URL", url))).as(url).containsOnlyKeys("embedded_database");
        }
        assertThat(development("DATABASE_URL", "jdbc:h2:file:./data/x")).isEmpty();
        assertThat(production("DATABASE_URL", "jdbc:h2:tcp://db:9092/tokenlife")).isEmpty();
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
            "JWT_ISSUER_VERIFICATION, issuer_verification_off",
            "JWT_AUDIENCE_VERIFICATION, audience_verification_off",
            "REQUIRE_TOKEN_EXPIRATION, expiration_not_required"})
    void aWeakenedCheckIsAWarningInStagingAndProductionNamingTheVariableAndWhatToSet(String variable, String code) {
        for (List<ConfigurationFinding> findings : List.of(production(variable, "false"), staging(variable, "false"))) {
            assertThat(codes(findings)).containsExactly(Map.entry(code, Severity.WARNING));
            assertThat(findings.get(0).variables()).containsExactly(variable);
            assertThat(findings.get(0).message()).startsWith(variable + "=false in ").contains("set " + variable + "=true");
        }
        assertThat(development(variable, "false")).isEmpty();
    }

    @Test
    void ephemeralStorageInDevelopmentIsAWarningOnlyWhileTheBootstrapAdminIsEnabled() {
        assertThat(development("DATABASE_URL", "jdbc:h2:mem:x")).isEmpty();
        assertThat(codes(development("DATABASE_URL", "jdbc:h2:mem:x", "PLATFORM_ADMIN_PASSWORD", "pw")))
                .containsExactly(Map.entry("ephemeral_storage", Severity.WARNING));
        assertThat(development("DATABASE_URL", "jdbc:h2:mem:x", "PLATFORM_ADMIN_PASSWORD", "pw",
                "REQUIRE_USER_IN_DB", "true")).isEmpty();
        assertThat(development("PLATFORM_ADMIN_PASSWORD", "pw")).isEmpty();
    }

    @Test
    void stagingAndProductionAreAdvisedAlikeToRequireJti() {
        assertThat(codes(production("REQUIRE_JTI", "false")))
                .containsExactly(Map.entry("production_require_jti", Severity.WARNING));
        assertThat(codes(staging("REQUIRE_JTI", "false")))
                .containsExactly(Map.entry("production_require_jti", Severity.WARNING));
        assertThat(staging("REQUIRE_JTI", "false").get(0).message())
                .isEqualTo(production("REQUIRE_JTI", "false").get(0).message().replace("production", "staging"));
        assertThat(development("REQUIRE_JTI", "false")).isEmpty();
    }

    @Test
    void productionAdvisesValidateTokenEnvironment() {
        // HS256 without environment validation also gets the shared-secret warning
        assertThat(codes(production("VALIDATE_TOKEN_ENVIRONMENT", "false")))
                .containsOnlyKeys("production_validate_environment", "shared_hmac_secret")
                .containsEntry("production_validate_environment", Severity.WARNING);
        assertThat(codes(staging("VALIDATE_TOKEN_ENVIRONMENT", "false"))).containsOnlyKeys("shared_hmac_secret");
    }

    @Test
    void productionAdvisesRequireUserInDb() {
        assertThat(codes(production("REQUIRE_USER_IN_DB", "false")))
                .containsExactly(Map.entry("production_require_user_in_db", Severity.WARNING));
        assertThat(staging("REQUIRE_USER_IN_DB", "false")).isEmpty();
    }

    @Test
    void validatingTheEnvironmentWithoutEmbeddingItIsAWarningInAnyEnvironment() {
        assertThat(codes(development("VALIDATE_TOKEN_ENVIRONMENT", "true")))
                .containsExactly(Map.entry("environment_not_embedded", Severity.WARNING));
        assertThat(codes(production("EMBED_ENVIRONMENT_IN_TOKENS", "false")))
                .containsOnlyKeys("environment_not_embedded", "shared_hmac_secret");
        assertThat(development("VALIDATE_TOKEN_ENVIRONMENT", "true", "EMBED_ENVIRONMENT_IN_TOKENS", "true")).isEmpty();
        assertThat(development("EMBED_ENVIRONMENT_IN_TOKENS", "true")).isEmpty();
    }

    @Test
    void aSharedHmacSecretIsAWarningOutsideDevelopmentUnlessTheEnvironmentIsEmbeddedAndChecked() {
        List<ConfigurationFinding> findings = staging("EMBED_ENVIRONMENT_IN_TOKENS", "false",
                "VALIDATE_TOKEN_ENVIRONMENT", "false");
        assertThat(codes(findings)).containsExactly(Map.entry("shared_hmac_secret", Severity.WARNING));
        assertThat(findings.get(0).variables()).contains("JWT_ALGORITHM", "JWT_SECRET_KEY");
        assertThat(codes(staging("JWT_ALGORITHM", "HS512", "VALIDATE_TOKEN_ENVIRONMENT", "false")))
                .containsKey("shared_hmac_secret");
        assertThat(development("JWT_ALGORITHM", "HS384")).isEmpty();
        assertThat(staging("JWT_ALGORITHM", "RS256", "JWT_PRIVATE_KEY_PATH", "/k/p.pem", "JWT_PUBLIC_KEY_PATH", "/k/q.pem",
                "EMBED_ENVIRONMENT_IN_TOKENS", "false", "VALIDATE_TOKEN_ENVIRONMENT", "false")).isEmpty();
    }

    @Test
    void anUnsetSecretIsAnErrorInStagingAndProductionAndAWarningInDevelopment() {
        assertThat(codes(production("JWT_SECRET_KEY", null))).containsEntry("secret_missing", Severity.ERROR);
        assertThat(codes(staging("JWT_SECRET_KEY", null))).containsEntry("secret_missing", Severity.ERROR);
        assertThat(codes(development("JWT_SECRET_KEY", null)))
                .containsExactly(Map.entry("secret_generated", Severity.WARNING));
        assertThat(ConfigurationReview.hasErrors(development("JWT_SECRET_KEY", null))).isFalse();
        assertThat(ConfigurationReview.hasErrors(production("JWT_SECRET_KEY", null))).isTrue();
    }

    @Test
    void theDevelopmentKeyIsKeptBesideAnH2FileAndTheWarningSaysWhereElseItLivesOnlyInThisProcess() {
        assertThat(development("JWT_SECRET_KEY", null, "DATABASE_URL", "jdbc:h2:file:./data/tokenlife"))
                .singleElement().extracting(ConfigurationFinding::message).asString()
                .contains("kept in " + java.nio.file.Path.of("./data/tokenlife.dev-signing-key.HS256.jwk"),
                        "survive a restart", "Development only");
        assertThat(development("JWT_ALGORITHM", "ES256", "DATABASE_URL", "jdbc:h2:file:/var/db/t;MODE=PostgreSQL"))
                .singleElement().extracting(ConfigurationFinding::message).asString()
                .contains("kept in " + java.nio.file.Path.of("/var/db/t.dev-signing-key.ES256.jwk"));
        assertThat(development("JWT_SECRET_KEY", null, "DATABASE_URL", "jdbc:h2:mem:x"))
                .singleElement().extracting(ConfigurationFinding::message).asString()
                .contains("for this process only");
    }

    @Test
    void managedKeysNeedAKeyEncryptionSecretOutsideDevelopmentAndNoStaticKey() {
        assertThat(codes(production("KEY_MANAGEMENT", "managed", "JWT_SECRET_KEY", null)))
                .containsExactly(Map.entry("key_encryption_secret_missing", Severity.ERROR));
        assertThat(production("KEY_MANAGEMENT", "managed", "JWT_SECRET_KEY", null,
                "KEY_ENCRYPTION_SECRET", "k".repeat(20) + "-0123456789-abcdefghijkl")).isEmpty();
        assertThat(codes(production("KEY_MANAGEMENT", "managed", "KEY_ENCRYPTION_SECRET", "short")))
                .containsExactly(Map.entry("key_encryption_secret_too_short", Severity.ERROR));
        assertThat(codes(development("KEY_MANAGEMENT", "managed", "JWT_SECRET_KEY", null)))
                .containsExactly(Map.entry("key_encryption_secret_missing", Severity.WARNING));
        assertThat(codes(development("KEY_MANAGEMENT", "managed", "KEY_ENCRYPTION_SECRET", "e".repeat(40),
                "DATABASE_URL", "jdbc:h2:mem:x"))).containsExactly(Map.entry("managed_keys_ephemeral", Severity.WARNING));
    }

    @Test
    void aSecretShorterThan32BytesIsAnErrorInEveryEnvironment() {
        String thirtyOne = "x".repeat(20) + "Y7#kq2LmN0p";
        String thirtyTwo = thirtyOne + "Z";
        assertThat(thirtyOne).hasSize(31);

        assertThat(codes(production("JWT_SECRET_KEY", thirtyOne)))
                .containsExactly(Map.entry("secret_too_short", Severity.ERROR));
        assertThat(codes(staging("JWT_SECRET_KEY", thirtyOne))).containsEntry("secret_too_short", Severity.ERROR);
        assertThat(production("JWT_SECRET_KEY", thirtyTwo)).isEmpty();
        assertThat(codes(development("JWT_SECRET_KEY", thirtyOne)))
                .containsExactly(Map.entry("secret_too_short", Severity.ERROR));
    }

    @Test
    void aMissingOrPlaceholderSecretAsksForTheLengthOfTheAlgorithm() {
        assertThat(production("JWT_SECRET_KEY", null).get(0).message()).contains("at least 32 bytes for HS256");
        assertThat(production("JWT_SECRET_KEY", null, "JWT_ALGORITHM", "HS384").get(0).message())
                .contains("at least 48 bytes for HS384");
        assertThat(production("JWT_SECRET_KEY", null, "JWT_ALGORITHM", "HS512").get(0).message())
                .contains("at least 64 bytes for HS512");
        assertThat(production("JWT_SECRET_KEY", "changeme", "JWT_ALGORITHM", "HS512").get(0).message())
                .contains("at least 64 bytes for HS512");
    }

    @Test
    void hs384AndHs512NeedSecretsAsLongAsTheirHashes() {
        assertThat(codes(development("JWT_ALGORITHM", "HS512", "JWT_SECRET_KEY", "k".repeat(63))))
                .containsExactly(Map.entry("secret_too_short", Severity.ERROR));
        assertThat(development("JWT_ALGORITHM", "HS512", "JWT_SECRET_KEY", "k".repeat(64))).isEmpty();
        assertThat(codes(development("JWT_ALGORITHM", "HS384", "JWT_SECRET_KEY", "k".repeat(47))))
                .containsExactly(Map.entry("secret_too_short", Severity.ERROR));
    }

    @Test
    void theSecretLengthIsCountedInBytesNotCharacters() {
        String sixteenTwoByteChars = "é".repeat(16); // 16 characters, 32 bytes in UTF-8
        assertThat(production("JWT_SECRET_KEY", sixteenTwoByteChars)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"changeme", "secret", "my-test-key", "CHANGEME", "your-secret-key-here"})
    void aPlaceholderSecretIsAnErrorEverywhereBecauseItIsAlsoTooShort(String placeholder) {
        assertThat(codes(production("JWT_SECRET_KEY", placeholder)))
                .containsExactly(Map.entry("secret_placeholder", Severity.ERROR));
        assertThat(codes(staging("JWT_SECRET_KEY", placeholder))).containsEntry("secret_placeholder", Severity.ERROR);
        assertThat(codes(development("JWT_SECRET_KEY", placeholder)))
                .containsExactly(Map.entry("secret_too_short", Severity.ERROR));
    }

    @Test
    void asymmetricAlgorithmsNeedBothKeyPathsOutsideDevelopment() {
        for (String alg : new String[] {"RS256", "PS384", "ES256", "EdDSA"}) {
            assertThat(codes(production("JWT_ALGORITHM", alg)))
                    .as(alg).containsExactly(Map.entry("key_paths_missing", Severity.ERROR));
            assertThat(codes(staging("JWT_ALGORITHM", alg, "JWT_PRIVATE_KEY_PATH", "/k/private.pem")))
                    .as(alg).containsExactly(Map.entry("key_paths_missing", Severity.ERROR));
            assertThat(codes(production("JWT_ALGORITHM", alg, "JWT_PUBLIC_KEY_PATH", "/k/public.pem")))
                    .as(alg).containsExactly(Map.entry("key_paths_missing", Severity.ERROR));
            assertThat(production("JWT_ALGORITHM", alg, "JWT_PRIVATE_KEY_PATH", "/k/private.pem",
                    "JWT_PUBLIC_KEY_PATH", "/k/public.pem")).as(alg).isEmpty();
            assertThat(codes(development("JWT_ALGORITHM", alg)))
                    .as(alg).containsExactly(Map.entry("key_pair_generated", Severity.WARNING));
        }
    }

    @Test
    void aWeakPlatformAdminPasswordIsAnErrorOutsideDevelopment() {
        String elevenChars = "Xq7-vB2#kLm";
        String twelveChars = elevenChars + "9";
        assertThat(elevenChars).hasSize(11);

        for (String weak : new String[] {"changeme", "admin", "password", elevenChars}) {
            assertThat(codes(production("PLATFORM_ADMIN_PASSWORD", weak)))
                    .as(weak).containsExactly(Map.entry("admin_password_weak", Severity.ERROR));
            assertThat(codes(staging("PLATFORM_ADMIN_PASSWORD", weak)))
                    .as(weak).containsExactly(Map.entry("admin_password_weak", Severity.ERROR));
            assertThat(codes(development("PLATFORM_ADMIN_PASSWORD", weak))).as(weak).isEmpty();
        }
        assertThat(production("PLATFORM_ADMIN_PASSWORD", twelveChars)).isEmpty();
        assertThat(production("PLATFORM_ADMIN_PASSWORD", STRONG_PASSWORD)).isEmpty();
    }

    @Test
    void everyFindingNamesItsVariablesAndNeverQuotesASecret() {
        String shortSecret = "short-but-secret-value";
        String weakPassword = "weakpass";
        List<ConfigurationFinding> findings = review(Map.of("ENVIRONMENT", "production",
                "JWT_SECRET_KEY", shortSecret, "PLATFORM_ADMIN_PASSWORD", weakPassword,
                "DATABASE_URL", "jdbc:h2:mem:x", "VALIDATE_TOKEN_ENVIRONMENT", "true"));

        assertThat(codes(findings)).containsOnlyKeys("secret_too_short", "admin_password_weak", "default_issuer",
                "default_audience", "ephemeral_storage", "production_require_jti", "production_require_user_in_db",
                "environment_not_embedded", "shared_hmac_secret");
        for (ConfigurationFinding finding : findings) {
            assertThat(finding.variables()).as(finding.code()).isNotEmpty();
            assertThat(finding.message()).as(finding.code()).contains(finding.variables().get(0)
                    .equals("ENVIRONMENT") ? finding.variables().get(1) : finding.variables().get(0));
            assertThat(finding.message()).as(finding.code()).doesNotContain(shortSecret).doesNotContain(weakPassword);
        }
    }
}
