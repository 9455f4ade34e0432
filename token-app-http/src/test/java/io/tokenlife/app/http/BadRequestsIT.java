package io.tokenlife.app.http;

import io.tokenlife.app.http.support.Client.Reply;
import io.tokenlife.app.http.support.FixtureServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.http.HttpRequest;

import static io.tokenlife.app.http.support.FixtureServer.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

/** Bad input is a problem+json 4xx that names what is wrong, never a 500 and never an echo of the input. */
class BadRequestsIT {
    static FixtureServer server;
    static String session;

    @BeforeAll
    static void start() {
        server = FixtureServer.start();
        session = server.session(ALICE);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"name\":                                        | malformed JSON",
            "[1,2]                                             | must be a JSON object",
            "\"text\"                                          | must be a JSON object",
            "{\"name\":42,\"expires_in_days\":1}               | 'name' must be a string, got number",
            "{\"name\":\"x\",\"expires_in_days\":\"5\"}        | 'expires_in_days' must be a whole number, got string",
            "{\"name\":\"x\",\"expires_in_days\":1.5}          | 'expires_in_days' must be a whole number",
            "{\"name\":\"x\",\"expires_in_days\":99999999999}  | 'expires_in_days' must be a whole number",
            "{\"name\":\"x\",\"expires_in_days\":1,\"admin\":true} | unknown field 'admin'",
            "{\"expires_in_days\":1}                           | 'name' is required",
            "{\"name\":\"  \",\"expires_in_days\":1}           | 'name' must not be blank",
            "{\"name\":\"x\"}                                  | 'expires_in_days' is refused",
            "{\"name\":\"x\",\"expires_in_days\":0}            | 'expires_in_days' is refused",
            "{\"name\":\"x\",\"expires_in_days\":400}          | 'expires_in_days' is refused",
            "{\"name\":\"x\",\"expires_at\":\"tomorrow\"}      | 'expires_at' must be an RFC 3339 date-time",
            "{\"name\":\"x\",\"expires_at\":\"2025-01-01T00:00:00Z\"} | 'expires_at' is refused",
            "{\"name\":\"x\",\"expires_in_days\":1,\"expires_at\":\"2026-02-01T00:00:00Z\"} | not both",
            "{\"name\":\"x\",\"expires_in_days\":1,\"scope\":\"a\\\"b\"} | 'scope' is refused",
            "{\"name\":\"x\",\"expires_in_days\":1,\"scope\":7} | 'scope' must be a string",
    })
    void aBadTokenRequestIs400NamingTheProblem(String body, String expectedDetail) {
        Reply reply = server.client.postJson("/tokens", session, body);
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("invalid_request");
        assertThat(reply.json().get("detail").asText()).contains(expectedDetail);
    }

    @Test
    void anEmptyBodyIs400() {
        Reply reply = server.client.postJson("/tokens", session, "");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("detail").asText()).contains("body is required");
    }

    @Test
    void aMalformedBodyIsNotEchoedInTheDetail() {
        Reply reply = server.client.postJson("/tokens", session, "{\"name\": eyJhbGciOiJIUzI1NiJ9.secretpart}");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body()).doesNotContain("eyJhbGciOiJIUzI1NiJ9").doesNotContain("secretpart");
    }

    @Test
    void aBodyLargerThan64KiBIs413() {
        String big = "{\"name\":\"" + "x".repeat(70 * 1024) + "\",\"expires_in_days\":1}";
        Reply reply = server.client.postJson("/tokens", session, big);
        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.code()).isEqualTo("invalid_request");
        assertThat(reply.json().get("detail").asText()).contains("65536 bytes");
    }

    @Test
    void aChunkedBodyLargerThan64KiBIs413Too() {
        byte[] big = ("{\"name\":\"" + "x".repeat(70 * 1024) + "\"}").getBytes();
        Reply reply = server.client.send(server.client.builder("/tokens", session)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big))));
        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.code()).isEqualTo("invalid_request");
    }

    @Test
    void oversizedHeadersAreAProblemNotA500() {
        Reply reply = server.client.send(server.client.builder("/health", null)
                .header("X-Padding", "p".repeat(20 * 1024)).GET());
        assertThat(reply.status()).isEqualTo(431);
        assertThat(reply.code()).isEqualTo("invalid_request");
        assertThat(reply.json().get("detail").asText()).contains("headers are too large");
    }

    @Test
    void anOversizedReasonIs400() {
        Reply reply = server.client.delete("/tokens/some-jti", session, "{\"reason\":\"" + "r".repeat(501) + "\"}");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("detail").asText()).contains("'reason'");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "/tokens?limit=0         | 'limit'",
            "/tokens?limit=abc       | 'limit'",
            "/tokens?limit=1001      | 'limit'",
            "/tokens?status=gone     | 'status'",
            "/tokens?source=fax      | 'source'",
    })
    void aBadQueryParameterIs400NamingIt(String path, String expected) {
        Reply reply = server.client.get(path, session);
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("detail").asText()).contains(expected);
    }

    @Test
    void anUnknownRouteIsA404Problem() {
        Reply reply = server.client.get("/no/such/route", null);
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.code()).isEqualTo("not_found");
    }

    @Test
    void aMalformedFormEncodingIs400() {
        Reply reply = server.client.send(server.client.builder("/oauth2/introspect", server.adminSession())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=%zz")));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("detail").asText()).contains("percent-encoding");
    }

    @Test
    void theAuthorizationHeaderMustUseTheBearerScheme() {
        Reply reply = server.client.send(server.client.builder("/tokens", null)
                .header("Authorization", "Basic YWxpY2U6cHc=").GET());
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json().get("detail").asText()).contains("Bearer");
    }
}
