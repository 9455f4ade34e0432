package io.tokenlife.domain.settings;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DotEnvTest {

    @Test
    void readsKeyValueLinesSkippingBlankLinesAndComments() {
        Map<String, String> values = DotEnv.parse("""
                # tokenlife settings
                ENVIRONMENT=staging

                   # an indented comment
                JWT_ISSUER = issuer-a
                """);

        assertThat(values).containsExactly(Map.entry("ENVIRONMENT", "staging"), Map.entry("JWT_ISSUER", "issuer-a"));
    }

    @Test
    void acceptsExportInFrontOfALine() {
        assertThat(DotEnv.parse("export PORT=8080\n")).containsExactly(Map.entry("PORT", "8080"));
    }

    @Test
    void removesDoubleAndSingleQuotesAndKeepsWhatIsInside() {
        Map<String, String> values = DotEnv.parse("""
                A="with spaces # and a hash"
                B='single quoted'
                C=""
                """);

        assertThat(values).containsEntry("A", "with spaces # and a hash")
                .containsEntry("B", "single quoted")
                .containsEntry("C", "");
    }

    @Test
    void dropsATrailingCommentAfterAnUnquotedValueButKeepsAHashInsideAWord() {
        Map<String, String> values = DotEnv.parse("""
                A=value # a comment
                B=pass#word
                """);

        assertThat(values).containsEntry("A", "value").containsEntry("B", "pass#word");
    }

    @Test
    void dropsATrailingCommentAfterAQuotedValue() {
        Map<String, String> values = DotEnv.parse("""
                JWT_SECRET_KEY="a-quoted-secret" # the signing key
                B='x y'   # another
                """);

        assertThat(values).containsEntry("JWT_SECRET_KEY", "a-quoted-secret").containsEntry("B", "x y");
    }

    @Test
    void keepsEverythingAfterTheFirstEqualsSign() {
        assertThat(DotEnv.parse("DATABASE_URL=jdbc:postgresql://db/t?user=a&password=b=c"))
                .containsEntry("DATABASE_URL", "jdbc:postgresql://db/t?user=a&password=b=c");
    }

    @Test
    void aLineThatIsNotKeyValueIsRefusedWithItsNumberButNotItsText() {
        assertThatThrownBy(() -> DotEnv.parse("A=1\n# fine\nsuper-secret-line-without-equals\n"))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining(".env")
                .hasMessageContaining("line 3")
                .hasMessageNotContaining("super-secret-line");
        assertThatThrownBy(() -> DotEnv.parse("=value"))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("line 1");
    }

    @Test
    void theEnvironmentWinsOverTheFile() {
        Map<String, String> merged = DotEnv.merge(
                Map.of("ENVIRONMENT", "production", "PORT", "9000"),
                Map.of("ENVIRONMENT", "development", "JWT_ISSUER", "from-file"));

        assertThat(merged).containsEntry("ENVIRONMENT", "production")
                .containsEntry("PORT", "9000")
                .containsEntry("JWT_ISSUER", "from-file");
    }

    @Test
    void aMergedFileFeedsTheSettingsParser() {
        Map<String, String> file = DotEnv.parse("export ENVIRONMENT=staging\nJWT_LEEWAY_SECONDS=\"10\"\n");
        TokenlifeSettings settings = TokenlifeSettings.fromMap(DotEnv.merge(Map.of("JWT_LEEWAY_SECONDS", "5"), file));

        assertThat(settings.environment()).isEqualTo(DeploymentEnvironment.STAGING);
        assertThat(settings.validation().leeway().toSeconds()).isEqualTo(5);
    }
}
