package io.tokenlife.domain.settings;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingsCatalogTest {
    private static final SettingsCatalog DOMAIN = SettingsCatalog.of(TokenlifeSettings.VARIABLES);

    @ParameterizedTest
    @CsvSource({
            "ENVIROMENT, ENVIRONMENT",
            "JWT_SECRET, JWT_SECRET_KEY",
            "REQUIRE_JIT, REQUIRE_JTI",
            "environment, ENVIRONMENT",
            "Jwt_Issuer, JWT_ISSUER",
            "JWT_AUDIANCE, JWT_AUDIENCE",
            "TOKEN_EXPIRE, TOKEN_EXPIRY",
            "DATABASE_URL_FILE, DATABASE_URL",
            "JWT_SECRET_KEY_FILE, JWT_SECRET_KEY"})
    void aNameThatIsAlmostOneOfOursIsANearMissOfIt(String name, String closest) {
        assertThat(DOMAIN.nearMisses(List.of(name))).containsExactly(new SettingsCatalog.NearMiss(name, closest));
    }

    @ParameterizedTest
    @ValueSource(strings = {"PATH", "HOME", "HOSTNAME", "JAVA_HOME", "LANG", "TERM", "USER", "PWD", "JWT", "TOKEN",
            "DATABASE", "SHLVL", "LOGNAME", "TOKENLIFE_REQUIRE_POSTGRES", "MAVEN_OPTS", "JAVA_OPTS", "ENV",
            "JWT_SECRET KEY", "JWT_SECRET_KEY_OLD_BACKUP"})
    void namesThatLookNothingLikeOursAreLeftAlone(String name) {
        assertThat(DOMAIN.nearMisses(List.of(name))).isEmpty();
    }

    @Test
    void ourOwnNamesAreNoNearMisses() {
        assertThat(DOMAIN.nearMisses(DOMAIN.names())).isEmpty();
    }

    @Test
    void theCatalogIsOrderedBySectionThenAsDeclared() {
        Section early = new Section(1, "first");
        Setting<Boolean> b = Setting.flag("B_FLAG", true, Section.VALIDATION).doc("b");
        Setting<Boolean> a = Setting.flag("A_FLAG", true, early).doc("a");
        Setting<Boolean> c = Setting.flag("C_FLAG", true, Section.VALIDATION).doc("c");

        assertThat(SettingsCatalog.of(List.of(b, a, c)).names()).containsExactly("A_FLAG", "B_FLAG", "C_FLAG");
        assertThat(DOMAIN.names().get(0)).isEqualTo("ENVIRONMENT");
    }

    @Test
    void aVariableDeclaredTwiceOrWithoutDocumentationIsRefused() {
        Setting<Boolean> flag = Setting.flag("A_FLAG", true, Section.VALIDATION).doc("a");
        assertThatThrownBy(() -> SettingsCatalog.of(List.of(flag), List.of(flag)))
                .hasMessageContaining("A_FLAG is declared twice");
        assertThatThrownBy(() -> SettingsCatalog.of(List.of(Setting.flag("B_FLAG", true, Section.VALIDATION))))
                .hasMessageContaining("B_FLAG has no documentation");
    }

    @Test
    void kindsDescribeTheirRangeForTheDocumentsAndTheChart() {
        Setting.Kind<?> leeway = ValidationSettings.LEEWAY_SECONDS.kind();
        assertThat(leeway.jsonType()).isEqualTo("integer");
        assertThat(leeway.min()).contains(0);
        assertThat(leeway.max()).contains(300);
        assertThat(TokenlifeSettings.ENVIRONMENT.kind().choices()).containsExactly("development", "staging", "production");
        assertThat(TokenlifeSettings.ENVIRONMENT.allowed()).isEqualTo("`development`, `staging`, `production` (any case)");
        assertThat(ValidationSettings.REQUIRE_JTI.kind().jsonType()).isEqualTo("boolean");
        assertThat(JwtSettings.SECRET_KEY.secret()).isTrue();
        assertThat(AdminSettings.PLATFORM_ADMIN_PASSWORD.secret()).isTrue();
        assertThat(JwtSettings.ISSUER.secret()).isFalse();
    }
}
