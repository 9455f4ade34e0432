package io.tokenlife.app.http.logging;

import io.tokenlife.app.http.support.LogCapture;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

class LogTextTest {
    @Test
    void lineBreaksControlsSeparatorsAndBidiOverridesBecomeVisibleEscapes() {
        assertThat(LogText.oneLine("a\r\nb\tc\u0000d\u001be\u007ff\u0085g\u2028h\u2029i\u202ej\u2066k"))
                .isEqualTo("a\\r\\nb\\tc\\u0000d\\u001be\\u007ff\\u0085g\\u2028h\\u2029i\\u202ej\\u2066k");
        assertThat(LogText.oneLine("plain é 中 😀")).isEqualTo("plain é 中 😀");
    }

    @Test
    void boundedCutsLongValuesAndSaysHowMuchWasCutWithoutSplittingASurrogatePair() {
        assertThat(LogText.bounded("x".repeat(300), 256)).hasSize(256 + "…[44 more]".length()).endsWith("…[44 more]");
        assertThat(LogText.bounded("x".repeat(255) + "😀", 256)).isEqualTo("x".repeat(255) + "…[2 more]");
        assertThat(LogText.bounded("short", 256)).isEqualTo("short");
    }

    @Test
    void anyLoggersMessageArgumentsAndStackTraceAreOneLineInBothFormats() {
        try (LogCapture capture = new LogCapture()) {
            LoggerFactory.getLogger("org.example.library").warn("value {}", "x\nFORGED line",
                    new IllegalStateException("boom\nFORGED too"));
            assertThat(capture.text().strip().lines()).hasSize(1);
            assertThat(capture.text()).contains("value x\\nFORGED line").contains("IllegalStateException: boom\\nFORGED too")
                    .contains("\\n\\tat ");
            assertThat(capture.json().strip().lines()).hasSize(1);
        }
    }
}
