package io.tokenlife.app.http.logging;

import io.tokenlife.app.http.settings.LogFormat;
import io.tokenlife.app.http.support.LogCapture;
import org.junit.jupiter.api.Test;

import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A library that logs through java.util.logging or System.Logger (Caffeine does) reaches the service's
 * appender in its format, one line per record, stack trace included; levels below INFO are not even formatted.
 */
class JavaUtilLoggingRoutedTest {
    @Test
    void javaUtilLoggingAndSystemLoggerRecordsAreOneLineEventsOfTheConfiguredFormat() {
        LogConfigurator.apply(LogFormat.TEXT);
        try (LogCapture capture = new LogCapture()) {
            java.util.logging.Logger.getLogger("com.github.benmanes.caffeine.cache.LocalAsyncCache")
                    .log(Level.WARNING, "Exception thrown during asynchronous load", new IllegalStateException("db\ndown"));
            System.getLogger("org.example.systemlogger").log(System.Logger.Level.ERROR, "from System.Logger");
            java.util.logging.Logger.getLogger("org.example.chatty").fine("below the level");

            assertThat(capture.text().strip().lines()).hasSize(2);
            assertThat(capture.text()).contains("WARN com.github.benmanes.caffeine.cache.LocalAsyncCache - "
                            + "Exception thrown during asynchronous load")
                    .contains("IllegalStateException: db\\ndown").contains("ERROR org.example.systemlogger - from System.Logger")
                    .doesNotContain("below the level");
            assertThat(capture.json()).contains("\"logger_name\":\"com.github.benmanes.caffeine.cache.LocalAsyncCache\"");
        }
        assertThat(java.util.logging.Logger.getLogger("org.example.chatty").isLoggable(Level.FINE))
                .as("JUL knows logback's levels").isFalse();
    }
}
