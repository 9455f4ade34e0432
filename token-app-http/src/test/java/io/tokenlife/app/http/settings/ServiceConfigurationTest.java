package io.tokenlife.app.http.settings;

import io.tokenlife.domain.policy.ConfigurationFinding;
import io.tokenlife.domain.settings.ConfigSource;
import io.tokenlife.domain.settings.TokenlifeSettings;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceConfigurationTest {
    private static final String SECRET = "k3T9-pQ2x!vL8zR4mW7nB1cY6hJ0sD5fG3aE8uI2oP4-Zq7Wm2Xc9Vb4Nn1Hj6Kk3Ll8";

    private static ServiceConfiguration of(String... keyValues) {
        Map<String, String> map = new HashMap<>();
        map.put("JWT_SECRET_KEY", SECRET);
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return ServiceConfiguration.from(new ConfigSource(map));
    }

    private static List<String> codes(ServiceConfiguration configuration) {
        return configuration.review().stream().map(ConfigurationFinding::code).toList();
    }

    @Test
    void theCatalogHoldsTheDomainVariablesAndTheHttpOnesOnce() {
        assertThat(ServiceConfiguration.CATALOG.settings())
                .containsAll(TokenlifeSettings.VARIABLES).containsAll(HttpSettings.VARIABLES)
                .hasSize(TokenlifeSettings.VARIABLES.size() + HttpSettings.VARIABLES.size());
        assertThat(TokenlifeSettings.VARIABLES).extracting(s -> s.name())
                .as("the domain declares no HTTP variable").doesNotContain("HOST", "PORT", "PUBLIC_URL", "SECURE_COOKIES",
                        "MAX_FAILED_LOGIN_ATTEMPTS", "ACCOUNT_LOCKOUT_DURATION_MINUTES", "LOGIN_RATE_LIMIT_PER_MINUTE",
                        "LOG_FORMAT", "SSO_PROVIDERS_FILE");
    }

    @Test
    void insecureCookiesAreAWarningInStagingAndProductionNamingTheVariable() {
        ConfigurationFinding finding = of("ENVIRONMENT", "production", "SECURE_COOKIES", "false").review().stream()
                .filter(f -> f.code().equals("cookies_not_secure")).findFirst().orElseThrow();
        assertThat(finding.isError()).isFalse();
        assertThat(finding.variables()).containsExactly("SECURE_COOKIES");
        assertThat(finding.message()).startsWith("SECURE_COOKIES=false in production").contains("set SECURE_COOKIES=true");
        assertThat(codes(of("ENVIRONMENT", "staging", "SECURE_COOKIES", "false"))).contains("cookies_not_secure");
        assertThat(codes(of("SECURE_COOKIES", "false"))).doesNotContain("cookies_not_secure");
    }

    @Test
    void anUnsetPublicUrlIsAWarningOutsideDevelopmentSayingTheMetadataNamesTheBindAddress() {
        ConfigurationFinding finding = of("ENVIRONMENT", "production", "HOST", "0.0.0.0").review().stream()
                .filter(f -> f.code().equals("public_url_unset")).findFirst().orElseThrow();
        assertThat(finding.isError()).isFalse();
        assertThat(finding.variables()).containsExactly("PUBLIC_URL");
        assertThat(finding.message()).startsWith("PUBLIC_URL is unset in production")
                .contains("http://0.0.0.0:4444").contains("never the request's Host header").contains("set PUBLIC_URL");
        assertThat(codes(of("ENVIRONMENT", "staging"))).contains("public_url_unset");
        assertThat(codes(of("ENVIRONMENT", "production", "PUBLIC_URL", "https://tokens.example.com")))
                .doesNotContain("public_url_unset");
        assertThat(codes(of())).as("development").doesNotContain("public_url_unset");
    }

    @Test
    void theReviewStartsWithNearMissesAndCoversTheHttpVariablesToo() {
        List<ConfigurationFinding> findings = of("ENVIROMENT", "production", "SECURE_COOKIE", "true", "PATH", "/bin")
                .review();

        assertThat(findings).extracting(ConfigurationFinding::message).containsExactly(
                "ENVIROMENT is not a tokenlife variable and is ignored; did you mean ENVIRONMENT?",
                "SECURE_COOKIE is not a tokenlife variable and is ignored; did you mean SECURE_COOKIES?");
    }

    @Test
    void developmentAdviceSaysHowProductionWouldJudgeTheSameConfiguration() {
        assertThat(of().developmentAdvice()).hasValueSatisfying(advice -> assertThat(advice)
                .startsWith("ENVIRONMENT=development: in production this configuration would get 8 warning(s) about ")
                .contains("JWT_ISSUER").contains("REQUIRE_JTI").contains("DATABASE_URL").contains("PUBLIC_URL")
                .endsWith("see them with: ENVIRONMENT=production bin/tokenlife config check"));
        assertThat(of("JWT_SECRET_KEY", "").developmentAdvice()).hasValueSatisfying(advice -> assertThat(advice)
                .contains("would be refused with 1 error(s) and 8 warning(s) about JWT_SECRET_KEY"));
        assertThat(of("ENVIRONMENT", "staging").developmentAdvice()).isEmpty();
    }

    @Test
    void aConfigurationThatFollowsEveryPieceOfAdviceIsToldSoInDevelopment() {
        ServiceConfiguration clean = of("JWT_ISSUER", "tokenlife-dev", "JWT_AUDIENCE", "tokenlife-dev-api",
                "DATABASE_URL", "jdbc:postgresql://db/t", "REQUIRE_JTI", "true", "EMBED_ENVIRONMENT_IN_TOKENS", "true",
                "VALIDATE_TOKEN_ENVIRONMENT", "true", "REQUIRE_USER_IN_DB", "true", "PUBLIC_URL", "https://tokens.example.com");

        assertThat(clean.review()).isEmpty();
        assertThat(clean.developmentAdvice())
                .contains("ENVIRONMENT=development: in production this configuration would pass the startup review as it is");
    }
}
