package io.tokenlife.app.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tokenlife.app.http.support.ServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

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

    @Test
    void theJsonLogMessageIsTheSentenceAndTheFieldsAreJsonFieldsOnly() throws Exception {
        Map<String, String> env = Map.of("LOG_FORMAT", "json", "DATABASE_URL", "jdbc:h2:mem:json-fields-it", "PORT", "0");
        try (ServerProcess server = ServerProcess.start(env, workDir)) {
            assertThat(server.awaitLine("\"code\":\"secret_generated\"", TIMEOUT)).as(server.output()).isTrue();
            JsonNode line = server.output().lines().filter(l -> l.contains("\"code\":\"secret_generated\"")).findFirst()
                    .map(HttpMainIT::json).orElseThrow();
            assertThat(line.path("security_event").asText()).isEqualTo("config_warning");
            assertThat(line.path("variables").asText()).isEqualTo("JWT_SECRET_KEY");
            assertThat(line.path("message").asText()).startsWith("JWT_SECRET_KEY is unset")
                    .doesNotContain("security_event").doesNotContain("code=").doesNotContain("variables=");
        }
    }

    @Test
    void inStagingEachWeakenedCheckIsLoggedAsAWarningNamingItsVariable() throws Exception {
        Map<String, String> env = new HashMap<>(Map.of("ENVIRONMENT", "staging",
                "JWT_SECRET_KEY", "staging-secret-0123456789-0123456789-abcdefgh", "JWT_ISSUER", "tokenlife-staging",
                "JWT_AUDIENCE", "tokenlife-staging-api", "EMBED_ENVIRONMENT_IN_TOKENS", "true",
                "VALIDATE_TOKEN_ENVIRONMENT", "true", "PORT", "0"));
        env.putAll(Map.of("JWT_ISSUER_VERIFICATION", "false", "JWT_AUDIENCE_VERIFICATION", "false",
                "REQUIRE_TOKEN_EXPIRATION", "false", "SECURE_COOKIES", "false", "REQUIRE_JTI", "false",
                "DATABASE_URL", "jdbc:h2:file:" + workDir.resolve("data/tokenlife")));
        try (ServerProcess server = ServerProcess.start(env, workDir)) {
            server.awaitPort(TIMEOUT);
            for (String[] expected : new String[][] {{"issuer_verification_off", "JWT_ISSUER_VERIFICATION"},
                    {"audience_verification_off", "JWT_AUDIENCE_VERIFICATION"},
                    {"expiration_not_required", "REQUIRE_TOKEN_EXPIRATION"}, {"cookies_not_secure", "SECURE_COOKIES"},
                    {"production_require_jti", "REQUIRE_JTI"}, {"embedded_database", "DATABASE_URL,ENVIRONMENT"}}) {
                assertThat(server.output()).as(expected[0])
                        .containsPattern("WARN .*security_event=config_warning code=" + expected[0] + " variables=\"?"
                                + expected[1]);
            }
            assertThat(server.output()).doesNotContain("configuration OK").doesNotContain("ENVIRONMENT=development:");
        }
    }

    @Test
    void inDevelopmentTheLogNamesANearMissVariableAndSaysHowProductionWouldJudgeTheConfiguration() throws Exception {
        Files.writeString(workDir.resolve(".env"), "JWT_SECRET_KEY=dev-secret-0123456789-0123456789-abcdefghij\n"
                + "REQUIRE_JIT=true\nSOMETHING_ELSE=1\n");
        Map<String, String> env = Map.of("DATABASE_URL", "jdbc:h2:mem:advice-it", "PORT", "0");
        try (ServerProcess server = ServerProcess.start(env, workDir)) {
            server.awaitPort(TIMEOUT);
            assertThat(server.output())
                    .contains("REQUIRE_JIT is not a tokenlife variable and is ignored; did you mean REQUIRE_JTI?")
                    .contains("code=unknown_variable variables=REQUIRE_JTI")
                    .containsPattern("ENVIRONMENT=development: in production this configuration would get \\d+ "
                            + "warning\\(s\\) about .*REQUIRE_JTI.*; see them with: ENVIRONMENT=production bin/tokenlife "
                            + "config check")
                    .doesNotContain("SOMETHING_ELSE");
        }
    }

    @Test
    void aSecondServerOnABusyPortRefusesBeforeTouchingItsDatabaseAndTheEmbeddedH2ListensOnLoopbackOnly(
            @TempDir Path second) throws Exception {
        Map<String, String> first = Map.of("JWT_SECRET_KEY", "busy-port-secret-0123456789-0123456789-abcdef",
                "PORT", "0", "HOST", "127.0.0.1");
        try (ServerProcess running = ServerProcess.start(first, workDir)) {
            int port = running.awaitPort(TIMEOUT);
            Map<String, String> clash = Map.of("JWT_SECRET_KEY", "busy-port-secret-0123456789-0123456789-abcdef",
                    "PORT", Integer.toString(port), "HOST", "127.0.0.1");
            try (ServerProcess refused = ServerProcess.start(clash, second)) {
                assertThat(refused.exitCode(TIMEOUT)).contains(1);
                assertThat(refused.output()).contains("FAIL-CLOSED: cannot listen on 127.0.0.1:" + port + " (HOST, PORT)")
                        .doesNotContain("migrated");
                assertThat(Files.exists(second.resolve("data"))).as("no database was created").isFalse();
            }

            int h2Port = autoServerPort(workDir.resolve("data/tokenlife.lock.db"));
            assertThat(connects(InetAddress.getLoopbackAddress(), h2Port)).as("AUTO_SERVER on loopback").isTrue();
            Optional<InetAddress> external = externalAddress();
            assumeThat(external).as("a non-loopback address to try").isPresent();
            assertThat(connects(external.get(), h2Port)).as("AUTO_SERVER on " + external.get()).isFalse();
        }
    }

    private static JsonNode json(String line) {
        try {
            return new ObjectMapper().readTree(line);
        } catch (IOException e) {
            throw new AssertionError(line, e);
        }
    }

    /** H2 writes the address of its AUTO_SERVER into the lock file ({@code server=host:port}). */
    private static int autoServerPort(Path lockFile) throws IOException {
        Properties lock = new Properties();
        lock.load(new StringReader(Files.readString(lockFile)));
        String server = lock.getProperty("server");
        assertThat(server).as("AUTO_SERVER address in " + lockFile).isNotNull();
        return Integer.parseInt(server.substring(server.lastIndexOf(':') + 1));
    }

    private static boolean connects(InetAddress address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Optional<InetAddress> externalAddress() throws IOException {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (nic.isUp() && !nic.isLoopback()) {
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address instanceof Inet4Address) {
                        return Optional.of(address);
                    }
                }
            }
        }
        return Optional.empty();
    }
}
