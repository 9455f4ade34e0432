package io.tokenlife.app.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.tokenlife.app.http.support.Client.Reply;
import io.tokenlife.app.http.support.FixtureServer;
import io.tokenlife.app.http.support.Problems;
import io.tokenlife.app.http.support.RawHttp;
import io.tokenlife.app.http.support.RawHttp.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static io.tokenlife.app.http.support.FixtureServer.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web server's own answers and the headers of every answer (issue 14, defects 5 and 8): what Jetty
 * refuses before routing is problem+json with the right status, problem bodies are UTF-8 and say so, every
 * answer carries nosniff, protected answers are not cached, HEAD authenticates like GET, and the RFC 8414
 * document never takes its URLs from the request's Host.
 */
class HttpSurfaceIT {
    static FixtureServer server;
    static int port;

    @BeforeAll
    static void start() {
        server = FixtureServer.start();
        port = server.app.port();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "DELETE /tokens/%zz HTTP/1.1               | 400 | invalid_request",
            "PATCH /users/%zz HTTP/1.1                 | 400 | invalid_request",
            "GET /tokens/%zz HTTP/1.1                  | 400 | invalid_request",
            "OPTIONS * HTTP/1.1                        | 405 | invalid_request",
            "OPTIONS /tokens HTTP/1.1                  | 405 | invalid_request",
            "CONNECT 127.0.0.1:443 HTTP/1.1 (Host 443) | 405 | invalid_request",
            "CONNECT example.com:443 HTTP/1.1          | 400 | invalid_request",
            "TRACE /health HTTP/1.1                    | 405 | invalid_request",
            "PUT /tokens/x HTTP/1.1                    | 405 | invalid_request",
            "BREW /health HTTP/1.1                     | 405 | invalid_request",
            "GET /health HTTP/9.9                      | 505 | invalid_request",
            "GET /health HTTP/1.1 (no Host)            | 400 | invalid_request",
            "GET /%2e%2e/etc/passwd HTTP/1.1           | 400 | invalid_request",
            "GET http://elsewhere/health HTTP/1.1      | 400 | invalid_request",
    })
    void whatTheServerRefusesBeforeRoutingIsAProblemWithTheRightStatus(String requestLine, int status, String code) {
        String line = requestLine.contains(" (") ? requestLine.substring(0, requestLine.indexOf(" (")) : requestLine;
        String host = requestLine.endsWith("(no Host)") ? "" : requestLine.endsWith("(Host 443)")
                ? "\r\nHost: 127.0.0.1:443" : "\r\nHost: 127.0.0.1:" + port;
        Answer answer = RawHttp.send(port, line + host);

        assertThat(answer.status()).as(answer.utf8()).isEqualTo(status);
        assertThat(Problems.defect(status, answer.header("Content-Type"), answer.body())).isNull();
        assertThat(answer.json().get("code").asText()).isEqualTo(code);
        assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
        if (line.startsWith("CONNECT")) {
            assertThat(answer.closedByServer()).as("no tunnel is left open").isTrue();
        }
        if (status == 405) {
            assertThat(answer.header("Allow")).isEqualTo("GET, HEAD, POST, PATCH, DELETE");
        }
    }

    @Test
    void oversizedHeadersAreA431ProblemInUtf8WithNosniff() {
        Answer answer = RawHttp.send(port, "GET /health HTTP/1.1\r\nHost: x\r\nX-Padding: " + "p".repeat(20 * 1024));
        assertThat(answer.status()).isEqualTo(431);
        assertThat(Problems.defect(431, answer.header("Content-Type"), answer.body())).isNull();
        assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void aProblemDetailRepeatsLettersOfEveryScriptInUtf8AndNeutralisesLineBreaks() {
        String email = "é中\u2028x@example.com";
        Answer answer = RawHttp.send(port, "PATCH /users/" + URLEncoder.encode(email, StandardCharsets.UTF_8)
                        .replace("+", "%20") + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + server.adminSession()
                        + "\r\nContent-Type: application/json",
                "{\"active\":false}".getBytes(StandardCharsets.UTF_8));

        assertThat(answer.status()).as(answer.utf8()).isEqualTo(404);
        assertThat(answer.header("Content-Type")).isEqualTo(Problems.CONTENT_TYPE);
        assertThat(answer.utf8()).as("é and 中 as UTF-8 bytes, U+2028 replaced").contains("no user 'é中?x@example.com'");

        Reply unknownField = server.client.postJson("/tokens", server.session(ALICE), "{\"nämé\":1}");
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(unknownField.json().get("detail").asText()).contains("unknown field 'nämé'");
    }

    @Test
    void everyKindOfAnswerCarriesNosniff() {
        String session = server.session(ALICE);
        List<Reply> replies = List.of(server.client.get("/health", null), server.client.get("/tokens", session),
                server.client.get("/tokens", null), server.client.get("/no/such/route", null),
                server.client.get("/.well-known/jwks.json", null), server.client.get("/metrics", null),
                server.client.get("/openapi.json", null), server.client.get("/admin", null),
                server.client.postJson("/tokens", session, "{"));
        for (Reply reply : replies) {
            assertThat(reply.header("X-Content-Type-Options")).as(reply.status() + " " + reply.body()).isEqualTo("nosniff");
        }
    }

    @Test
    void tokenMetadataAndEveryOtherProtectedAnswerIsNeverCached() {
        String session = server.session(ALICE);
        Reply created = server.client.postJson("/tokens", session, "{\"name\":\"c\",\"expires_in_days\":1}");
        String jti = created.json().get("jti").asText();
        for (Reply reply : List.of(server.client.get("/tokens", session), server.client.get("/tokens/" + jti, session),
                server.client.get("/users", server.adminSession()), server.client.get("/tokens", null),
                server.client.get("/tokens/" + jti, server.session("other@example.com")))) {
            assertThat(reply.header("Cache-Control")).as(reply.status() + " " + reply.body()).isEqualTo("no-store");
        }
    }

    @Test
    void headOnAProtectedRouteAuthenticatesLikeGet() {
        String session = server.session(ALICE);
        for (String path : List.of("/tokens", "/tokens/some-jti", "/users")) {
            Reply anonymous = server.client.send(server.client.builder(path, null)
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()));
            assertThat(anonymous.status()).as("HEAD " + path).isEqualTo(401);
            assertThat(anonymous.body()).isEmpty();
        }
        Reply allowed = server.client.send(server.client.builder("/tokens", session)
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.body()).isEmpty();
        Reply notAdmin = server.client.send(server.client.builder("/users", session)
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertThat(notAdmin.status()).isEqualTo(403);
        Reply console = server.client.send(server.client.builder("/admin/tokens", null)
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertThat(console.status()).as("the console sends HEAD to sign in like GET").isEqualTo(
                server.client.get("/admin/tokens", null).status());
    }

    @Test
    void theServerMetadataNeverTakesItsUrlsFromTheHostHeader() {
        for (String forged : List.of("Host: evil.example", "Host: evil.example\r\nX-Forwarded-Host: evil.example")) {
            Answer answer = RawHttp.send(port, "GET /.well-known/oauth-authorization-server HTTP/1.1\r\n" + forged);
            assertThat(answer.status()).isEqualTo(200);
            JsonNode meta = answer.json();
            String base = "http://127.0.0.1:" + port;
            assertThat(meta.get("jwks_uri").asText()).isEqualTo(base + "/.well-known/jwks.json");
            assertThat(meta.get("introspection_endpoint").asText()).isEqualTo(base + "/oauth2/introspect");
            assertThat(answer.utf8()).doesNotContain("evil.example");
        }
    }

    @Test
    void withPublicUrlTheServerMetadataNamesIt() {
        try (FixtureServer proxied = FixtureServer.start("PUBLIC_URL", "https://tokens.example.com/")) {
            Answer answer = RawHttp.send(proxied.app.port(),
                    "GET /.well-known/oauth-authorization-server HTTP/1.1\r\nHost: evil.example");
            assertThat(answer.json().get("revocation_endpoint").asText())
                    .isEqualTo("https://tokens.example.com/oauth2/revoke");
        }
    }
}
