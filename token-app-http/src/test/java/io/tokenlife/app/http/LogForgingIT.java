package io.tokenlife.app.http;

import io.tokenlife.app.http.support.ServerProcess;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile login identifiers through the real service ({@link HttpMain} in its own JVM, each log format): an
 * e-mail field holding a line break and a forged event, a U+2028, control characters and a password typed
 * into the e-mail field. Every log line the process wrote is one of its own events (text: starts with a
 * timestamp; JSON: one object), none is forged, and the unknown identifiers appear only as digests.
 */
class LogForgingIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String FORGED = "a@b.c\nFORGED security_event=platform_admin_auth user_id=admin@example.com";
    private static final String PASSWORD_IN_EMAIL_FIELD = "Tr0ub4dor&3-correct-horse";

    @TempDir
    Path workDir;

    @ParameterizedTest(name = "LOG_FORMAT={0}")
    @ValueSource(strings = {"text", "json"})
    void noLoginIdentifierForgesALineOrIsLoggedAsTyped(String format) throws Exception {
        Map<String, String> env = Map.of("LOG_FORMAT", format, "DATABASE_URL", "jdbc:h2:mem:forging-" + format,
                "PORT", "0", "HOST", "127.0.0.1", "MAX_FAILED_LOGIN_ATTEMPTS", "2");
        try (ServerProcess server = ServerProcess.start(env, workDir)) {
            int port = server.awaitPort(TIMEOUT);
            List<String> identifiers = List.of(FORGED, FORGED, FORGED, "x@y.z\u2028FORGED security_event=token_issued",
                    "x@y.z\r\u001b[2KFORGED", PASSWORD_IN_EMAIL_FIELD);
            for (String identifier : identifiers) {
                int status = login(port, identifier).statusCode();
                assertThat(status).isIn(401, 429);
            }
            assertThat(login(port, FORGED).statusCode()).as("locked after two failures").isEqualTo(429);
            assertThat(server.awaitLine("is locked for", TIMEOUT)).as(server.output()).isTrue();
            assertThat(server.awaitLine("unknown_user", TIMEOUT)).as(server.output()).isTrue();

            String output = server.output();
            for (String line : output.split("\n", -1)) {
                if (line.isEmpty()) {
                    continue;
                }
                if (format.equals("json")) {
                    assertThat(line).as("one JSON object per line").startsWith("{").endsWith("}");
                } else {
                    assertThat(line).as("every line is an event of its own").containsPattern("^\\d{4}-\\d\\d-\\d\\dT");
                }
                assertThat(line).doesNotStartWith("FORGED").doesNotContain("\u2028").doesNotContain("\r")
                        .doesNotContain("\u001b");
            }
            assertThat(output).doesNotContain("a@b.c").doesNotContain("x@y.z").doesNotContain(PASSWORD_IN_EMAIL_FIELD)
                    .contains("identifier").containsPattern("id:[0-9a-f]{12}");
        }
    }

    private static HttpResponse<String> login(int port, String email) throws Exception {
        String body = "{\"email\":\"" + jsonEscape(email) + "\",\"password\":\"wrong password\"}";
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/auth/login"))
                        .header("Content-Type", "application/json").timeout(TIMEOUT)
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String jsonEscape(String value) {
        StringBuilder out = new StringBuilder();
        for (char c : value.toCharArray()) {
            if (c < 0x20 || c == '"' || c == '\\' || c > 0x7e) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
