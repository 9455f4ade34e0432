package io.tokenlife.app.http.user;

import com.fasterxml.jackson.databind.JsonNode;
import io.tokenlife.app.http.identity.LoginIT;
import io.tokenlife.app.http.support.AccessRows.Request;
import io.tokenlife.app.http.support.AccessRows;
import io.tokenlife.app.http.support.Client.Reply;
import io.tokenlife.app.http.support.FixtureServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET/POST /users} and {@code PATCH /users/{email}}: admins only; taking rights away revokes at once. */
public class UsersIT {
    /** Who may administer users; the rows of {@code AuthorizationMatrixIT}. */
    public static final AccessRows ACCESS = new AccessRows("""
            route                                   | anon | user | other | admin | api | adminApi | rs  | revoked | disabled
            GET /users                              | 401  | 403  | 403   | 200   | 403 | 403      | 403 | 401     | 401
            HEAD /users                             | 401  | 403  | 403   | 200   | 403 | 403      | 403 | 401     | 401
            POST /users                             | 401  | 403  | 403   | 201   | 403 | 403      | 403 | 401     | 401
            GET /users/{email}                      | 401  | 403  | 403   | 200   | 403 | 403      | 403 | 401     | 401
            HEAD /users/{email}                     | 401  | 403  | 403   | 200   | 403 | 403      | 403 | 401     | 401
            PATCH /users/{email}                    | 401  | 403  | 403   | 200   | 403 | 403      | 403 | 401     | 401
            """, Map.of(
            "GET /users", w -> Request.of("GET", "/users"),
            "HEAD /users", w -> Request.of("HEAD", "/users"),
            "POST /users", w -> Request.json("POST", "/users", "{\"email\":\"new-" + w.user() + "\"}"),
            "GET /users/{email}", w -> Request.of("GET", "/users/" + w.user()),
            "HEAD /users/{email}", w -> Request.of("HEAD", "/users/" + w.user()),
            "PATCH /users/{email}", w -> Request.json("PATCH", "/users/" + w.user(), "{\"full_name\":\"Renamed\"}")));

    static FixtureServer server;
    static String admin;

    @BeforeAll
    static void start() {
        server = FixtureServer.start();
        admin = server.adminSession();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Reply patch(String email, String token, String json) {
        return server.client.send(server.client.builder("/users/" + email, token)
                .header("Content-Type", "application/json").method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    static Reply create(String json) {
        return server.client.postJson("/users", admin, json);
    }

    static String login(String email, String password) {
        Reply reply = server.client.postJson("/auth/login", null, LoginIT.login(email, password));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json().get("access_token").asText();
    }

    /** Revoke-all cut-offs cover tokens issued up to and including their instant: step past it. */
    static void tick() {
        server.clock.advance(Duration.ofSeconds(1));
    }

    @Test
    void anAdminCreatesAndListsUsersAndNeverSeesAPasswordOrHash() {
        Reply created = create("{\"email\":\"Erin@Example.com\",\"full_name\":\"Erin E\",\"password\":\"erin-password-1\"}");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/users/erin@example.com");
        JsonNode user = created.json();
        assertThat(user.fieldNames()).toIterable()
                .containsExactlyInAnyOrder("email", "full_name", "admin", "active", "created_at", "updated_at");
        assertThat(user.get("email").asText()).isEqualTo("erin@example.com");
        assertThat(user.get("full_name").asText()).isEqualTo("Erin E");
        assertThat(user.get("admin").asBoolean()).isFalse();
        assertThat(user.get("active").asBoolean()).isTrue();
        assertThat(user.get("created_at").asText()).isEqualTo(server.clock.instant().toString());

        Reply list = server.client.get("/users", admin);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().get("items").findValuesAsText("email")).contains("erin@example.com");
        assertThat(list.body()).doesNotContain("erin-password-1").doesNotContain("plain:").doesNotContain("password");
        assertThat(login("erin@example.com", "erin-password-1")).isNotBlank();
    }

    @Test
    void anAdminReadsOneUserByEMailInAnyCaseAndAnUnknownOneIs404() {
        assertThat(create("{\"email\":\"grace@example.com\",\"full_name\":\"Grace G\",\"password\":\"grace-password-1\"}")
                .status()).isEqualTo(201);

        Reply user = server.client.get("/users/GRACE@example.com", admin);

        assertThat(user.status()).as(user.body()).isEqualTo(200);
        assertThat(user.json().fieldNames()).toIterable()
                .containsExactlyInAnyOrder("email", "full_name", "admin", "active", "created_at", "updated_at");
        assertThat(user.json().get("email").asText()).isEqualTo("grace@example.com");
        assertThat(user.json().get("full_name").asText()).isEqualTo("Grace G");
        assertThat(user.body()).doesNotContain("grace-password-1").doesNotContain("password");
        Reply unknown = server.client.get("/users/nobody@example.com", admin);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("not_found");
        assertThat(unknown.json().get("detail").asText()).contains("nobody@example.com");
    }

    @Test
    void aTakenEmailIsAConflictWhateverItsCase() {
        assertThat(create("{\"email\":\"frank@example.com\"}").status()).isEqualTo(201);
        Reply duplicate = create("{\"email\":\"FRANK@example.com\",\"password\":\"frank-password-1\"}");

        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.code()).isEqualTo("conflict");
        assertThat(duplicate.json().get("detail").asText()).contains("frank@example.com");
    }

    @Test
    void badBodiesAre400NamingTheField() {
        assertField(create("{\"full_name\":\"x\"}"), "'email'");
        assertField(create("{\"email\":\"not-an-address\"}"), "email");
        assertField(create("{\"email\":\"g@example.com\",\"password\":\"short\"}"), "password");
        assertField(create("{\"email\":\"g@example.com\",\"admin\":\"yes\"}"), "'admin'");
        assertField(create("{\"email\":\"g@example.com\",\"active\":false}"), "unknown field 'active'");
        assertField(create("{\"email\":\"g@example.com\",\"password_hash\":\"x\"}"), "unknown field 'password_hash'");
        assertField(patch("erin@example.com", admin, "{\"active\":\"no\"}"), "'active'");
        assertField(patch("erin@example.com", admin, "{\"email\":\"new@example.com\"}"), "unknown field 'email'");
        assertField(patch("erin@example.com", admin, "{}"), "at least one of");
        assertThat(server.client.get("/users", admin).json().get("items").findValuesAsText("email"))
                .doesNotContain("g@example.com");
    }

    @Test
    void anEmailWithControlCharactersLineSeparatorsOrSpecialsIs400NamingEmailAndNoUserIsMade() {
        for (String email : new String[] {"a\\u0001b@example.com", "eve@example.com\\u2028", "eve\\u202e@example.com",
                "eve@example.com\\r\\nX-Injected: 1", "eve <eve@example.com>", "eve@example.com/../admin"}) {
            Reply reply = create("{\"email\":\"" + email + "\",\"password\":\"eve-password-1\"}");
            assertField(reply, "email");
            assertThat(reply.json().get("detail").asText()).doesNotContain("\u0001").doesNotContain("\u2028")
                    .doesNotContain("\r");
            assertThat(reply.header("Location")).isNull();
        }
        assertThat(server.client.get("/users", admin).json().get("items").findValuesAsText("email"))
                .noneMatch(e -> e.contains("eve") || e.startsWith("a\u0001"));
    }

    @Test
    void theLocationOfANewUserIsAnEncodedPathSegment() {
        Reply created = create("{\"email\":\"o'brien+tag@example.com\"}");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/users/o%27brien%2Btag@example.com");
    }

    private static void assertField(Reply reply, String named) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("invalid_request");
        assertThat(reply.json().get("detail").asText()).contains(named);
    }

    @Test
    void patchingAnUnknownUserIs404() {
        Reply reply = patch("nobody@example.com", admin, "{\"active\":false}");
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.code()).isEqualTo("not_found");
    }

    @Test
    void aNonAdminGets403OnEveryUserRoute() {
        server.addUser("gina@example.com", "gina-password-1", false, true);
        String gina = login("gina@example.com", "gina-password-1");

        for (Reply reply : new Reply[]{server.client.get("/users", gina),
                server.client.postJson("/users", gina, "{\"email\":\"h@example.com\"}"),
                patch("gina@example.com", gina, "{\"admin\":true}")}) {
            assertThat(reply.status()).isEqualTo(403);
            assertThat(reply.code()).isEqualTo("forbidden");
        }
        assertThat(server.users.find("gina@example.com").orElseThrow().admin()).isFalse();
    }

    @Test
    void disablingAUserRejectsTheirExistingTokensAtOnceAndTheirLogins() {
        server.addUser("hank@example.com", "hank-password-1", false, true);
        String hank = login("hank@example.com", "hank-password-1");
        assertThat(server.client.get("/tokens", hank).status()).isEqualTo(200);
        tick();

        Reply disabled = patch("hank@example.com", admin, "{\"active\":false}");
        assertThat(disabled.status()).as(disabled.body()).isEqualTo(200);
        assertThat(disabled.json().get("active").asBoolean()).isFalse();
        assertThat(server.client.get("/tokens", hank).code()).isEqualTo("token_revoked");
        assertThat(server.client.postJson("/auth/login", null, LoginIT.login("hank@example.com", "hank-password-1"))
                .status()).isEqualTo(401);
        tick();

        assertThat(patch("hank@example.com", admin, "{\"active\":true}").status()).isEqualTo(200);
        assertThat(server.client.get("/tokens", login("hank@example.com", "hank-password-1")).status()).isEqualTo(200);
    }

    @Test
    void demotingAnAdminRevokesTheirTokensAndTheNextLoginHasNoAdminRights() {
        server.addUser("ivy@example.com", "ivy-password-12", true, true);
        String ivy = login("ivy@example.com", "ivy-password-12");
        assertThat(server.client.get("/users", ivy).status()).isEqualTo(200);
        tick();

        Reply demoted = patch("ivy@example.com", admin, "{\"admin\":false,\"full_name\":\"Ivy\"}");
        assertThat(demoted.json().get("admin").asBoolean()).isFalse();
        assertThat(demoted.json().get("full_name").asText()).isEqualTo("Ivy");
        assertThat(server.client.get("/users", ivy).code()).isEqualTo("token_revoked");
        tick();

        String again = login("ivy@example.com", "ivy-password-12");
        assertThat(server.client.get("/users", again).status()).isEqualTo(403);
        assertThat(server.client.get("/tokens", again).status()).isEqualTo(200);
    }

    @Test
    void aNewPasswordRevokesTheUsersTokensAndOnlyTheNewPasswordLogsIn() {
        server.addUser("jay@example.com", "jay-password-old", false, true);
        String jay = login("jay@example.com", "jay-password-old");
        tick();

        assertThat(patch("jay@example.com", admin, "{\"password\":\"jay-password-new\"}").status()).isEqualTo(200);
        assertThat(server.client.get("/tokens", jay).code()).isEqualTo("token_revoked");
        tick();
        assertThat(server.client.postJson("/auth/login", null, LoginIT.login("jay@example.com", "jay-password-old"))
                .status()).isEqualTo(401);
        assertThat(server.client.get("/tokens", login("jay@example.com", "jay-password-new")).status()).isEqualTo(200);
    }
}
