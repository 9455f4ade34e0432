package io.tokenlife.domain.policy;

import io.tokenlife.domain.settings.SettingsCatalog;
import io.tokenlife.domain.settings.TokenlifeSettings;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class UnknownVariablesTest {
    private static final SettingsCatalog CATALOG = SettingsCatalog.of(TokenlifeSettings.VARIABLES);

    @Test
    void aNearMissIsAWarningNamingTheVariableItResembles() {
        List<ConfigurationFinding> findings = UnknownVariables.review(CATALOG,
                List.of("REQUIRE_JIT", "PATH", "JWT_ISSUER", "HOME"));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.isError()).isFalse();
            assertThat(f.code()).isEqualTo("unknown_variable");
            assertThat(f.variables()).containsExactly("REQUIRE_JTI");
            assertThat(f.message()).isEqualTo("REQUIRE_JIT is not a tokenlife variable and is ignored; "
                    + "did you mean REQUIRE_JTI?");
        });
    }
}
