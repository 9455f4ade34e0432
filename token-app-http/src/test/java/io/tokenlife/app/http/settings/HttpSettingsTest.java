package io.tokenlife.app.http.settings;

import io.tokenlife.domain.settings.ConfigSource;
import io.tokenlife.domain.settings.InvalidSettingsException;
import io.tokenlife.domain.settings.Setting;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The HTTP service's variables, moved out of the domain with the tests that held them there. */
class HttpSettingsTest {

    private static HttpSettings parse(String... keyValues) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return HttpSettings.from(new ConfigSource(map));
    }

    @Test
    void unsetEveryVariableTakesItsDeclaredDefault() {
        // the defaults are written out in the generated README, reference and .env.example, which docs-check compares
        for (Setting<?> variable : HttpSettings.VARIABLES) {
            Object parsed = variable.read(new ConfigSource(Map.of()));
            if (parsed instanceof Optional<?> optional) {
                assertThat(optional).as(variable.name()).isEmpty();
                assertThat(variable.defaultValue()).as(variable.name()).isEmpty();
            } else {
                assertThat(String.valueOf(parsed)).as(variable.name()).isEqualToIgnoringCase(variable.defaultValue().orElseThrow());
            }
        }
        assertThat(parse().loginLimits()).isEqualTo(new LoginLimitSettings(5, Duration.ofMinutes(30), 20));
    }

    @Test
    void publicUrlMustBeAnAbsoluteHttpUrl() {
        assertThat(parse("PUBLIC_URL", "https://tokens.example.com").publicUrl())
                .hasValueSatisfying(u -> assertThat(u.getHost()).isEqualTo("tokens.example.com"));
        for (String bad : new String[]{"tokens.example.com", "ftp://tokens.example.com", "https://", "http://a b"}) {
            assertThatThrownBy(() -> parse("PUBLIC_URL", bad)).as(bad)
                    .isInstanceOf(InvalidSettingsException.class).hasMessageStartingWith("PUBLIC_URL: ");
        }
    }

    @Test
    void loginLimitsAreParsedAndOutOfRangeValuesNameTheirVariable() {
        LoginLimitSettings limits = parse("MAX_FAILED_LOGIN_ATTEMPTS", "3", "ACCOUNT_LOCKOUT_DURATION_MINUTES", "7",
                "LOGIN_RATE_LIMIT_PER_MINUTE", "50", "SECURE_COOKIES", "false").loginLimits();
        assertThat(limits).isEqualTo(new LoginLimitSettings(3, Duration.ofMinutes(7), 50));
        assertThat(parse("SECURE_COOKIES", "false").secureCookies()).isFalse();
        assertThatThrownBy(() -> parse("MAX_FAILED_LOGIN_ATTEMPTS", "0"))
                .hasMessageStartingWith("MAX_FAILED_LOGIN_ATTEMPTS: 0 is out of range");
        assertThatThrownBy(() -> parse("LOGIN_RATE_LIMIT_PER_MINUTE", "many"))
                .hasMessageStartingWith("LOGIN_RATE_LIMIT_PER_MINUTE: 'many' is not a whole number");
    }

    @Test
    void thePortIsAcceptedAtBothEndsOfItsRangeTrimmedAndRefusedJustOutside() {
        assertThat(parse("PORT", "0").port()).isZero();
        assertThat(parse("PORT", "65535").port()).isEqualTo(65535);
        assertThat(parse("PORT", " 8080 ").port()).isEqualTo(8080);
        for (String bad : new String[] {"-1", "65536"}) {
            assertThatThrownBy(() -> parse("PORT", bad)).isInstanceOf(InvalidSettingsException.class)
                    .hasMessageStartingWith("PORT:").hasMessageContaining("0 to 65535");
        }
        assertThatThrownBy(() -> parse("PORT", "ten")).hasMessageStartingWith("PORT:")
                .hasMessageContaining("'ten' is not a whole number").hasMessageContaining("0 to 65535");
    }

    @Test
    void logFormatIsTextOrJson() {
        assertThat(parse("LOG_FORMAT", "json").logFormat()).isEqualTo(LogFormat.JSON);
        assertThat(parse("LOG_FORMAT", "text").logFormat()).isEqualTo(LogFormat.TEXT);

        assertThatThrownBy(() -> parse("LOG_FORMAT", "xml"))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageStartingWith("LOG_FORMAT:")
                .hasMessageContaining("text, json");
    }

    @Test
    void theSsoProvidersFileIsAPath() {
        assertThat(parse("SSO_PROVIDERS_FILE", "/etc/tokenlife/sso.json").ssoProvidersFile())
                .contains(Path.of("/etc/tokenlife/sso.json"));
    }
}
