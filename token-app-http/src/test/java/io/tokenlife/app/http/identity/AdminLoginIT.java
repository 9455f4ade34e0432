package io.tokenlife.app.http.identity;

import io.tokenlife.app.http.support.Client.Reply;
import io.tokenlife.app.http.support.FixtureServer;
import io.tokenlife.domain.model.TokenSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /admin/login}: the {@code jwt_token} cookie, its attributes, and the cookie as credentials. */
class AdminLoginIT {
    static final String PASSWORD = "admin-password-1";
    static FixtureServer server;

    @BeforeAll
    static void start() {
        server = FixtureServer.start();
        server.addUser("ops@example.com", PASSWORD, true, true);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Reply formLogin(FixtureServer on, String password) {
        return on.client.postForm("/admin/login", null, Map.of("email", "ops@example.com", "password", password,
                "submit", "Log in"));
    }

    private static Reply withCookie(String path, String value) {
        return server.client.send(server.client.builder(path, null).header("Cookie", "jwt_token=" + value).GET());
    }

    @Test
    void aFormLoginSetsTheCookieWithExactlyTheseAttributesAndReturnsTheSameToken() {
        Reply reply = formLogin(server, PASSWORD);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        String token = reply.json().get("access_token").asText();
        assertThat(reply.header("Set-Cookie"))
                .isEqualTo("jwt_token=" + token + "; Path=/; Max-Age=1200; HttpOnly; SameSite=Lax; Secure");
        assertThat(reply.json().get("token_type").asText()).isEqualTo("Bearer");
        assertThat(reply.json().get("expires_in").asLong()).isEqualTo(1200);
        assertThat(server.store.find(reply.json().get("jti").asText()).orElseThrow().source())
                .isEqualTo(TokenSource.ADMIN_UI);
    }

    @Test
    void theCookieAloneAuthenticatesLaterRequests() {
        String token = formLogin(server, PASSWORD).json().get("access_token").asText();

        Reply list = withCookie("/tokens", token);
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        assertThat(list.json().get("items")).isNotEmpty();
        assertThat(withCookie("/users", token).status()).as("an admin's cookie carries admin rights").isEqualTo(200);
        assertThat(server.client.get("/tokens", null).status()).isEqualTo(401);
        Reply forged = withCookie("/tokens", token.substring(0, token.length() - 2) + "xx");
        assertThat(forged.status()).isEqualTo(401);
    }

    @Test
    void aJsonBodyWorksTooAndAFailedLoginSetsNoCookie() {
        Reply json = server.client.postJson("/admin/login", null, LoginIT.login("ops@example.com", PASSWORD));
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.header("Set-Cookie")).startsWith("jwt_token=" + json.json().get("access_token").asText());

        Reply refused = formLogin(server, "wrong-password");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.code()).isEqualTo("unauthorized");
        assertThat(refused.header("Set-Cookie")).isNull();

        Reply missing = server.client.postForm("/admin/login", null, Map.of("email", "ops@example.com"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("detail").asText()).contains("'password'");
    }

    @Test
    void logoutWithTheCookieRevokesItsTokenAndClearsTheCookie() {
        String token = formLogin(server, PASSWORD).json().get("access_token").asText();
        Reply logout = server.client.send(server.client.builder("/auth/logout", null)
                .header("Cookie", "jwt_token=" + token).POST(java.net.http.HttpRequest.BodyPublishers.noBody()));

        assertThat(logout.status()).isEqualTo(204);
        assertThat(logout.header("Set-Cookie")).isEqualTo("jwt_token=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax; Secure");
        assertThat(withCookie("/tokens", token).code()).isEqualTo("token_revoked");
    }

    @Test
    void withSecureCookiesFalseTheCookieHasNoSecureAttribute() {
        try (FixtureServer plain = FixtureServer.start("SECURE_COOKIES", "false")) {
            plain.addUser("ops@example.com", PASSWORD, true, true);
            Reply reply = formLogin(plain, PASSWORD);

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.header("Set-Cookie")).isEqualTo("jwt_token=" + reply.json().get("access_token").asText()
                    + "; Path=/; Max-Age=1200; HttpOnly; SameSite=Lax");
        }
    }
}
