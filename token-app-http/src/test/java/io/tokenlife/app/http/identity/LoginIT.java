package io.tokenlife.app.http.identity;

import io.tokenlife.app.http.support.AccessRows.Request;
import io.tokenlife.app.http.support.AccessRows;
import io.tokenlife.app.http.support.Client.Reply;
import io.tokenlife.app.http.support.FixtureServer;
import io.tokenlife.app.http.support.LogCapture;
import io.tokenlife.domain.model.TokenRecord;
import io.tokenlife.domain.model.TokenSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /auth/login} and {@code POST /auth/logout} over a started server. */
public class LoginIT {
    /** Who may log in, refresh and log out (the fixture has no SSO provider); the rows of {@code AuthorizationMatrixIT}. */
    public static final AccessRows ACCESS = new AccessRows("""
            route                                   | anon | user | other | admin | api | adminApi | rs  | revoked | disabled
            POST /auth/logout                       | 401  | 204  | 204   | 204   | 204 | 204      | 204 | 401     | 401
            POST /auth/login                        | 200  | 200  | 200   | 200   | 200 | 200      | 200 | 200     | 200
            POST /admin/login                       | 200  | 200  | 200   | 200   | 200 | 200      | 200 | 200     | 200
            POST /auth/sso/{provider}               | 404  | 404  | 404   | 404   | 404 | 404      | 404 | 404     | 404
            POST /auth/refresh                      | 400  | 400  | 400   | 400   | 400 | 400      | 400 | 400     | 400
            """, Map.of(
            "POST /auth/logout", w -> new Request("POST", "/auth/logout", null, ""),
            "POST /auth/login", w -> Request.json("POST", "/auth/login", Request.login(w.user())),
            "POST /admin/login", w -> Request.json("POST", "/admin/login", Request.login(w.admin())),
            "POST /auth/sso/{provider}", w -> Request.json("POST", "/auth/sso/corp", "{\"id_token\":\"x.y.z\"}"),
            // a refresh token that is no refresh token: refused alike for everyone, whatever bearer comes with it
            "POST /auth/refresh", w -> Request.json("POST", "/auth/refresh", "{\"refresh_token\":\"not-a-refresh-token\"}")));

    static final String PASSWORD = "alice-password-1";
    static FixtureServer server;

    @BeforeAll
    static void start() {
        server = FixtureServer.start();
        server.addUser("alice@example.com", PASSWORD, false, true);
        server.addUser("dora@example.com", PASSWORD, false, false);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    public static String login(String email, String password) {
        return "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}";
    }

    @Test
    void theRightPasswordGivesASessionTokenRecordedWithSourceLogin() {
        Reply reply = server.client.postJson("/auth/login", null, login("Alice@Example.com", PASSWORD));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.header("Cache-Control")).isEqualTo("no-store");
        assertThat(reply.json().get("token_type").asText()).isEqualTo("Bearer");
        assertThat(reply.json().get("expires_in").asLong()).isEqualTo(20 * 60);
        assertThat(reply.json().fieldNames()).toIterable()
                .containsExactlyInAnyOrder("access_token", "token_type", "expires_in", "jti", "refresh_token",
                        "refresh_expires_in");
        String jti = reply.json().get("jti").asText();
        TokenRecord record = server.store.find(jti).orElseThrow();
        assertThat(record.source()).isEqualTo(TokenSource.LOGIN);
        assertThat(record.subject()).isEqualTo("alice@example.com");
        String token = reply.json().get("access_token").asText();
        assertThat(server.client.get("/tokens", token).status()).isEqualTo(200);
    }

    @Test
    void aWrongPasswordAnUnknownUserAndADisabledUserGetTheSameAnswerAndEachIsLoggedAsLoginFailed() {
        List<Reply> replies;
        String logs;
        try (LogCapture capture = new LogCapture()) {
            replies = List.of(
                    server.client.postJson("/auth/login", null, login("alice@example.com", "wrong-password-9")),
                    server.client.postJson("/auth/login", null, login("nobody@example.com", PASSWORD)),
                    server.client.postJson("/auth/login", null, login("dora@example.com", PASSWORD)));
            logs = capture.text();
        }
        for (Reply reply : replies) {
            assertThat(reply.status()).isEqualTo(401);
            assertThat(reply.code()).isEqualTo("unauthorized");
            assertThat(reply.body()).isEqualTo(replies.get(0).body());
        }
        assertThat(replies.get(0).json().get("detail").asText()).isEqualTo("invalid e-mail or password");
        for (String reason : List.of("wrong_password", "unknown_user", "user_disabled")) {
            assertThat(logs).containsPattern(Pattern.compile(
                    "(?m)^WARN tokenlife\\.security - .*security_event=login_failed.*reason=" + reason));
        }
        assertThat(logs).doesNotContain("wrong-password-9").doesNotContain(PASSWORD);
    }

    @Test
    void badLoginBodiesAre400NamingTheField() {
        Reply noPassword = server.client.postJson("/auth/login", null, "{\"email\":\"alice@example.com\"}");
        assertThat(noPassword.status()).isEqualTo(400);
        assertThat(noPassword.code()).isEqualTo("invalid_request");
        assertThat(noPassword.json().get("detail").asText()).contains("'password'");

        Reply numberEmail = server.client.postJson("/auth/login", null, "{\"email\":1,\"password\":\"x\"}");
        assertThat(numberEmail.status()).isEqualTo(400);
        assertThat(numberEmail.json().get("detail").asText()).contains("'email'");

        Reply extra = server.client.postJson("/auth/login", null, "{\"email\":\"a@b\",\"password\":\"x\",\"otp\":1}");
        assertThat(extra.status()).isEqualTo(400);
        assertThat(extra.json().get("detail").asText()).contains("unknown field 'otp'");
    }

    @Test
    void logoutRevokesThePresentedTokenWithReasonLogout() {
        Reply loggedIn = server.client.postJson("/auth/login", null, login("alice@example.com", PASSWORD));
        String token = loggedIn.json().get("access_token").asText();
        String jti = loggedIn.json().get("jti").asText();
        Reply logout = server.client.postJson("/auth/logout", token, "");

        assertThat(logout.status()).as(logout.body()).isEqualTo(204);
        Reply after = server.client.get("/tokens", token);
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.code()).isEqualTo("token_revoked");
        assertThat(server.client.postJson("/auth/logout", token, "").code()).isEqualTo("token_revoked");
        assertThat(server.client.postJson("/auth/logout", null, "").status()).isEqualTo(401);
        TokenRecord record = server.store.find(jti).orElseThrow();
        assertThat(record.reason()).isEqualTo("logout");
        assertThat(record.revokedBy()).isEqualTo("alice@example.com");
    }
}
