package io.tokenlife.app.http;

import io.tokenlife.app.http.support.ServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The real entry point in its own JVM: it refuses to start, fail-closed, on a bad configuration. */
class HttpMainIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path workDir;

    @Test
    void productionWithoutSecretRefusesToStartWithExitCode1AndFailClosedInTheLog() throws Exception {
        try (ServerProcess server = ServerProcess.start(Map.of("ENVIRONMENT", "production", "PORT", "0"), workDir)) {
            assertThat(server.exitCode(TIMEOUT)).contains(1);
            assertThat(server.output()).contains("FAIL-CLOSED").contains("JWT_SECRET_KEY");
            assertThat(server.output()).doesNotContain("listening on");
        }
    }

    @Test
    void aPlaceholderSecretInStagingRefusesToStartWithoutPrintingTheSecret() throws Exception {
        Map<String, String> env = Map.of("ENVIRONMENT", "staging", "JWT_SECRET_KEY", "changeme", "PORT", "0");
        try (ServerProcess server = ServerProcess.start(env, workDir)) {
            assertThat(server.exitCode(TIMEOUT)).contains(1);
            assertThat(server.output()).contains("FAIL-CLOSED").contains("placeholder").doesNotContain("changeme");
        }
    }

    @Test
    void aBadValueInTheDotEnvFileOfTheWorkingDirectoryRefusesToStartNamingTheVariable() throws Exception {
        Files.writeString(workDir.resolve(".env"), "# local settings\nENVIRONMENT=qa\n");
        try (ServerProcess server = ServerProcess.start(Map.of("PORT", "0"), workDir)) {
            assertThat(server.exitCode(TIMEOUT)).contains(1);
            assertThat(server.output()).contains("FAIL-CLOSED").contains("ENVIRONMENT").contains("'qa'");
        }
    }

    @Test
    void configurationWarningsAreLoggedAsSecurityEventsAtStartup() throws Exception {
        Map<String, String> env = Map.of("ENVIRONMENT", "development", "DATABASE_URL", "jdbc:h2:mem:main-it",
                "PLATFORM_ADMIN_PASSWORD", "a-long-enough-password", "PORT", "0", "HOST", "127.0.0.1");
        try (ServerProcess server = ServerProcess.start(env, workDir)) {
            assertThat(server.awaitLine("security_event=config_warning", TIMEOUT)).as(server.output()).isTrue();
            assertThat(server.output()).contains("JWT_SECRET_KEY").contains("DATABASE_URL")
                    .doesNotContain("a-long-enough-password");
        }
    }

    @Test
    void jsonLogFormatWritesOneJsonObjectPerLine() throws Exception {
        Map<String, String> env = Map.of("LOG_FORMAT", "json", "DATABASE_URL", "jdbc:h2:mem:json-it", "PORT", "0");
        try (ServerProcess server = ServerProcess.start(env, workDir)) {
            assertThat(server.awaitLine("\"security_event\":\"config_warning\"", TIMEOUT)).as(server.output()).isTrue();
        }
    }
}
