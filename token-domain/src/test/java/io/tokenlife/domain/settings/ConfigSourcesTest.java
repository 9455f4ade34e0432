package io.tokenlife.domain.settings;

import io.tokenlife.domain.settings.ConfigSources.Effective;
import io.tokenlife.domain.settings.ConfigSources.Origin;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ConfigSourcesTest {
    private static final SettingsCatalog CATALOG = SettingsCatalog.of(TokenlifeSettings.VARIABLES);

    private static Effective shown(ConfigSources sources, String name) {
        return sources.effective(CATALOG).stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void eachValueNamesWhereItComesFromAndTheEnvironmentWins() {
        ConfigSources sources = new ConfigSources(Map.of("JWT_ISSUER", "from-env", "REQUIRE_JTI", " "),
                Map.of("JWT_ISSUER", "from-file", "JWT_AUDIENCE", "aud-from-file", "REQUIRE_JTI", "true"));

        assertThat(shown(sources, "JWT_ISSUER").value()).contains("from-env");
        assertThat(shown(sources, "JWT_ISSUER").origin()).isEqualTo(Origin.ENVIRONMENT);
        assertThat(shown(sources, "JWT_AUDIENCE").value()).contains("aud-from-file");
        assertThat(shown(sources, "JWT_AUDIENCE").origin()).isEqualTo(Origin.DOT_ENV);
        assertThat(shown(sources, "ENVIRONMENT").value()).contains("development");
        assertThat(shown(sources, "ENVIRONMENT").origin()).isEqualTo(Origin.DEFAULT);
        // a blank variable in the environment hides .env and counts as unset, exactly as the parser reads it
        assertThat(shown(sources, "REQUIRE_JTI").origin()).isEqualTo(Origin.DEFAULT);
        assertThat(shown(sources, "REQUIRE_JTI").value()).contains("false");
        assertThat(TokenlifeSettings.from(sources.merged()).validation().requireJti()).isFalse();
        assertThat(shown(sources, "JWT_SECRET_KEY").value()).isEmpty();
        assertThat(sources.effective(CATALOG)).extracting(Effective::name).containsExactlyElementsOf(CATALOG.names());
    }

    @Test
    void secretsAreMaskedAndDatabaseCredentialsRedacted() {
        ConfigSources sources = new ConfigSources(Map.of("JWT_SECRET_KEY", "s3cr3t-value-0123456789-0123456789",
                "DATABASE_URL", "jdbc:postgresql://db/t?user=app&password=hunter2"),
                Map.of("PLATFORM_ADMIN_PASSWORD", "admin-password-long"));

        List<Effective> all = sources.effective(CATALOG);
        assertThat(all.toString()).doesNotContain("s3cr3t").doesNotContain("hunter2").doesNotContain("admin-password");
        assertThat(shown(sources, "JWT_SECRET_KEY").value()).contains("***");
        assertThat(shown(sources, "JWT_SECRET_KEY").secret()).isTrue();
        assertThat(shown(sources, "PLATFORM_ADMIN_PASSWORD").value()).contains("***");
        assertThat(shown(sources, "DATABASE_URL").value()).contains("jdbc:postgresql://db/t?user=app&password=***");
    }

    @Test
    void aRefusedValueCarriesTheParsersMessage() {
        ConfigSources sources = new ConfigSources(Map.of("JWT_LEEWAY_SECONDS", "900"), Map.of());

        assertThat(shown(sources, "JWT_LEEWAY_SECONDS").problem())
                .contains("JWT_LEEWAY_SECONDS: 900 is out of range; allowed: 0 to 300");
        assertThat(shown(sources, "JWT_ISSUER").problem()).isEqualTo(Optional.empty());
    }

    @Test
    void theMergedSourceIsWhatTheParserReads() {
        ConfigSources sources = new ConfigSources(Map.of("JWT_LEEWAY_SECONDS", "5"),
                Map.of("JWT_LEEWAY_SECONDS", "10", "ENVIRONMENT", "staging"));

        TokenlifeSettings settings = TokenlifeSettings.from(sources.merged());
        assertThat(settings.validation().leeway().toSeconds()).isEqualTo(5);
        assertThat(settings.environment()).isEqualTo(DeploymentEnvironment.STAGING);
        assertThat(sources.names()).containsExactly("ENVIRONMENT", "JWT_LEEWAY_SECONDS");
    }
}
