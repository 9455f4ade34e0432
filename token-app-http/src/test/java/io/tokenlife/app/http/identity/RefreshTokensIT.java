package io.tokenlife.app.http.identity;

import com.fasterxml.jackson.databind.JsonNode;
import io.tokenlife.app.http.HttpComposition;
import io.tokenlife.app.http.RealCompositionIT;
import io.tokenlife.app.http.support.Client.Reply;
import io.tokenlife.app.http.support.Client;
import io.tokenlife.app.http.support.LogCapture;
import io.tokenlife.domain.fakes.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Refresh tokens over the real composition root (HS256, H2 in memory), with a clock the test moves:
 * rotation, reuse revoking the family, the grace window, idle and absolute expiry, the endings a revoke-all
 * or a disabled user brings, a race of many refreshes, bad input, RFC 7009 / 7662 and a database outage.
 */
class RefreshTokensIT {
    static final String ADMIN = "admin@example.com";
    static final String ADMIN_PASSWORD = "refresh-it-admin-password-" + UUID.randomUUID();
    static final String[] TIMED = {"REFRESH_REUSE_GRACE_SECONDS", "5", "SESSION_IDLE_TIMEOUT", "30",
            "SESSION_MAX_LIFETIME", "60"};
    static final String ALICE_PASSWORD = "alice-password-0123";

    /** One service on H2 in memory with a clock the tests move forward, and the bootstrap admin. */
    static final class Stack implements AutoCloseable {
        final MutableClock clock = new MutableClock(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        // a short lock timeout: a write blocked by another transaction fails fast, as a hung database would
        final String url = "jdbc:h2:mem:refresh-it-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=300";
        final HttpComposition server;
        final Client client;

        Stack(String... settings) {
            Map<String, String> env = new HashMap<>(Map.of("DATABASE_URL", url, "JWT_SECRET_KEY",
                    RealCompositionIT.SECRET, "HOST", "127.0.0.1", "PORT", "0", "PLATFORM_ADMIN_EMAIL", ADMIN,
                    "PLATFORM_ADMIN_PASSWORD", ADMIN_PASSWORD));
            for (int i = 0; i < settings.length; i += 2) {
                env.put(settings[i], settings[i + 1]);
            }
            server = HttpComposition.start(env, clock);
            client = new Client("http://127.0.0.1:" + server.port());
        }

        @Override
        public void close() {
            server.close();
        }
    }

    /** The defaults: no grace window. */
    private static Stack plain;
    /** A grace window and short lifetimes. */
    private static Stack timed;

    private Stack stack;
    private MutableClock clock;
    private Client client;
    private String admin;
    private String url;
    private String alice;

    @AfterAll
    static void stopAll() {
        if (plain != null) {
            plain.close();
        }
        if (timed != null) {
            timed.close();
        }
    }

    private void start(String... settings) {
        if (settings.length == 0) {
            plain = plain == null ? new Stack() : plain;
            stack = plain;
        } else {
            timed = timed == null ? new Stack(settings) : timed;
            stack = timed;
        }
        clock = stack.clock;
        client = stack.client;
        url = stack.url;
        admin = login(ADMIN, ADMIN_PASSWORD).get("access_token").asText();
        // a user of this test alone: tests disable or revoke theirs
        alice = "alice-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Reply created = client.postJson("/users", admin, "{\"email\":\"" + alice + "\",\"password\":\"" + ALICE_PASSWORD
                + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    private JsonNode login(String email, String password) {
        Reply reply = client.postJson("/auth/login", null, LoginIT.login(email, password));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    private Reply refresh(String refreshToken) {
        return client.postJson("/auth/refresh", null, "{\"refresh_token\":\"" + refreshToken + "\"}");
    }

    private JsonNode refreshed(String refreshToken) {
        Reply reply = refresh(refreshToken);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    private void assertInvalidGrant(Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("invalid_grant");
        assertThat(reply.json().get("detail").asText()).isEqualTo("the refresh token is not valid; log in again");
    }

    private String familyOf(String accessJti) {
        return client.get("/tokens/" + accessJti, admin).json().get("family_id").asText();
    }

    @Test
    void aLoginReturnsARefreshTokenAndARefreshRotatesItWithinTheFamily() {
        start();
        JsonNode login = login(alice, ALICE_PASSWORD);
        String refreshToken = login.get("refresh_token").asText();
        assertThat(refreshToken).startsWith("tlr_").hasSize(47);
        assertThat(login.get("refresh_expires_in").asLong()).isEqualTo(Duration.ofHours(8).toSeconds());

        JsonNode next = refreshed(refreshToken);

        assertThat(next.fieldNames()).toIterable().containsExactly("access_token", "token_type", "expires_in", "jti",
                "refresh_token", "refresh_expires_in");
        assertThat(next.get("refresh_token").asText()).isNotEqualTo(refreshToken);
        String access = next.get("access_token").asText();
        assertThat(client.get("/tokens", access).status()).isEqualTo(200);
        JsonNode metadata = client.get("/tokens/" + next.get("jti").asText(), admin).json();
        assertThat(metadata.get("source").asText()).isEqualTo("refresh");
        assertThat(metadata.get("token_use").asText()).isEqualTo("session");
        String family = familyOf(login.get("jti").asText());
        assertThat(metadata.get("family_id").asText()).isEqualTo(family);
        JsonNode listed = client.get("/tokens?family=" + family, admin).json().get("items");
        assertThat(listed).extracting(t -> t.get("source").asText()).containsExactlyInAnyOrder("refresh", "login");
        JsonNode familyView = client.get("/families/" + family, access).json();
        assertThat(familyView.get("refresh_tokens")).extracting(t -> t.get("state").asText())
                .containsExactlyInAnyOrder("spent", "current");
        assertThat(familyView.toString()).doesNotContain(refreshToken).doesNotContain(next.get("refresh_token").asText());
        assertThat(client.get("/families/" + family, login(ADMIN, ADMIN_PASSWORD).get("access_token").asText()).status())
                .isEqualTo(200);
    }

    @Test
    void aSpentRefreshTokenPresentedAgainRevokesTheWholeFamily() {
        start();
        try (LogCapture logs = new LogCapture()) {
            JsonNode login = login(alice, ALICE_PASSWORD);
            JsonNode next = refreshed(login.get("refresh_token").asText());

            assertInvalidGrant(refresh(login.get("refresh_token").asText()));

            assertThat(client.get("/tokens", login.get("access_token").asText()).code()).isEqualTo("token_revoked");
            assertThat(client.get("/tokens", next.get("access_token").asText()).code()).isEqualTo("token_revoked");
            assertInvalidGrant(refresh(next.get("refresh_token").asText()));
            String family = familyOf(login.get("jti").asText());
            assertThat(client.get("/families/" + family, admin).json().get("status").asText()).isEqualTo("revoked");
            assertThat(logs.all()).contains("security_event=refresh_token_reuse_detected",
                            "security_event=token_family_revoked")
                    .doesNotContain(login.get("refresh_token").asText())
                    .doesNotContain(next.get("refresh_token").asText());
        }
    }

    @Test
    void withinTheGraceWindowTheLastTokenWorksOnceForARetry() {
        start(TIMED);
        JsonNode login = login(alice, ALICE_PASSWORD);
        JsonNode lost = refreshed(login.get("refresh_token").asText()); // the client never saw this answer
        clock.advance(Duration.ofSeconds(2));

        JsonNode retry = refreshed(login.get("refresh_token").asText());

        assertThat(client.get("/tokens", retry.get("access_token").asText()).status()).isEqualTo(200);
        assertInvalidGrant(refresh(lost.get("refresh_token").asText()));
        assertThat(client.get("/tokens", retry.get("access_token").asText()).code())
                .as("the lost answer's token used after the retry is reuse").isEqualTo("token_revoked");
    }

    @Test
    void aSessionEndsWhenIdleAndAtItsAbsoluteLifetime() {
        start(TIMED);
        JsonNode login = login(alice, ALICE_PASSWORD);
        assertThat(login.get("refresh_expires_in").asLong()).isEqualTo(30 * 60);
        clock.advance(Duration.ofMinutes(25));
        JsonNode second = refreshed(login.get("refresh_token").asText());
        clock.advance(Duration.ofMinutes(25));
        JsonNode third = refreshed(second.get("refresh_token").asText());
        assertThat(third.get("refresh_expires_in").asLong()).as("capped by the absolute lifetime").isEqualTo(10 * 60);
        clock.advance(Duration.ofMinutes(10));
        assertInvalidGrant(refresh(third.get("refresh_token").asText()));

        JsonNode idle = login(alice, ALICE_PASSWORD);
        clock.advance(Duration.ofMinutes(30));
        assertInvalidGrant(refresh(idle.get("refresh_token").asText()));
    }

    @Test
    void aRevokeAllOfTheSubjectAndDisablingTheUserEndTheirFamilies() {
        start();
        JsonNode login = login(alice, ALICE_PASSWORD);
        clock.advance(Duration.ofSeconds(1));
        assertThat(client.postJson("/subjects/" + alice + "/revoke-all", admin, "{}").status()).isEqualTo(200);
        assertInvalidGrant(refresh(login.get("refresh_token").asText()));

        clock.advance(Duration.ofSeconds(2));
        JsonNode again = login(alice, ALICE_PASSWORD);
        assertThat(refreshed(again.get("refresh_token").asText()).get("access_token").asText()).isNotBlank();
        JsonNode current = login(alice, ALICE_PASSWORD);
        Reply disabled = client.send(client.builder("/users/" + alice, admin).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"active\":false}")));
        assertThat(disabled.status()).as(disabled.body()).isEqualTo(200);
        assertInvalidGrant(refresh(current.get("refresh_token").asText()));
    }

    @Test
    void ofManyConcurrentRefreshesWithOneTokenExactlyOneWins() throws Exception {
        start();
        String refreshToken = login(alice, ALICE_PASSWORD).get("refresh_token").asText();
        int threads = 16;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Reply>> replies = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                replies.add(pool.submit(() -> {
                    go.await();
                    return refresh(refreshToken);
                }));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Reply> reply : replies) {
                statuses.add(reply.get(60, TimeUnit.SECONDS).status());
            }
            assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
            assertThat(statuses).filteredOn(s -> s != 200).hasSize(threads - 1).containsOnly(400);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void badInputIsA400AndEveryUnusableTokenGetsTheSameAnswer() {
        start();
        Reply noField = client.postJson("/auth/refresh", null, "{}");
        assertThat(noField.status()).isEqualTo(400);
        assertThat(noField.code()).isEqualTo("invalid_request");
        assertThat(noField.json().get("detail").asText()).contains("refresh_token");
        assertThat(client.postJson("/auth/refresh", null, "{\"refresh_token\":7}").code()).isEqualTo("invalid_request");
        assertThat(client.postJson("/auth/refresh", null, "{\"refresh_token\":\"x\",\"extra\":1}").code())
                .isEqualTo("invalid_request");
        assertThat(client.postJson("/auth/refresh", null, "not json").code()).isEqualTo("invalid_request");

        assertInvalidGrant(refresh("tlr_" + "A".repeat(43)));
        assertInvalidGrant(refresh("garbage"));
        assertInvalidGrant(refresh("x".repeat(5000)));
        JsonNode login = login(alice, ALICE_PASSWORD);
        assertInvalidGrant(refresh(login.get("access_token").asText()));
        Reply form = client.postForm("/auth/refresh", null, Map.of("grant_type", "refresh_token",
                "refresh_token", login.get("refresh_token").asText()));
        assertThat(form.status()).as(form.body()).isEqualTo(200);
    }

    @Test
    void rfc7009AndDeleteEndAFamilyAndIntrospectionAnswersForRefreshTokens() {
        start();
        JsonNode first = login(alice, ALICE_PASSWORD);
        String access = first.get("access_token").asText();
        JsonNode active = client.postForm("/oauth2/introspect", admin, Map.of("token",
                first.get("refresh_token").asText(), "token_type_hint", "refresh_token")).json();
        assertThat(active.get("active").asBoolean()).as("an admin may introspect it").isTrue();
        assertThat(active.get("token_type").asText()).isEqualTo("refresh_token");
        assertThat(active.get("sub").asText()).isEqualTo(alice);
        // a resource server's token (scope tokens:introspect) learns nothing of other users' refresh tokens
        Reply resourceServer = client.postJson("/tokens", admin,
                "{\"name\":\"rs\",\"scope\":\"tokens:introspect\",\"expires_in_days\":1}");
        assertThat(resourceServer.status()).as(resourceServer.body()).isEqualTo(201);
        assertThat(client.postForm("/oauth2/introspect", resourceServer.json().get("access_token").asText(),
                Map.of("token", first.get("refresh_token").asText())).body()).isEqualTo("{\"active\":false}");

        Reply revoked = client.postForm("/oauth2/revoke", access, Map.of("token", first.get("refresh_token").asText(),
                "token_type_hint", "refresh_token"));
        assertThat(revoked.status()).isEqualTo(200);
        assertInvalidGrant(refresh(first.get("refresh_token").asText()));
        assertThat(client.get("/tokens", access).code()).isEqualTo("token_revoked");
        assertThat(client.postForm("/oauth2/introspect", admin, Map.of("token", first.get("refresh_token").asText()))
                .body()).isEqualTo("{\"active\":false}");

        JsonNode second = login(alice, ALICE_PASSWORD);
        String family = familyOf(second.get("jti").asText());
        String refreshId = client.get("/families/" + family, admin).json().get("refresh_tokens").get(0).get("id").asText();
        assertThat(client.delete("/tokens/" + refreshId, second.get("access_token").asText()).status()).isEqualTo(204);
        assertInvalidGrant(refresh(second.get("refresh_token").asText()));

        JsonNode third = login(alice, ALICE_PASSWORD);
        String thirdFamily = familyOf(third.get("jti").asText());
        assertThat(client.delete("/families/" + thirdFamily, login(ADMIN, ADMIN_PASSWORD).get("access_token").asText())
                .status()).isEqualTo(204);
        assertThat(client.get("/tokens", third.get("access_token").asText()).code()).isEqualTo("token_revoked");
        assertThat(client.delete("/families/unknown-family", admin).status()).isEqualTo(404);
    }

    @Test
    void anotherUsersFamilyIsNotVisible() {
        start();
        JsonNode aliceLogin = login(alice, ALICE_PASSWORD);
        String bobEmail = "bob-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        assertThat(client.postJson("/users", admin, "{\"email\":\"" + bobEmail + "\",\"password\":\"bob-password-0123\"}")
                .status()).isEqualTo(201);
        String bob = login(bobEmail, "bob-password-0123").get("access_token").asText();
        String family = familyOf(aliceLogin.get("jti").asText());

        assertThat(client.get("/families/" + family, bob).status()).isEqualTo(404);
        assertThat(client.delete("/families/" + family, bob).status()).isEqualTo(404);
        assertThat(client.postForm("/oauth2/revoke", bob, Map.of("token", aliceLogin.get("refresh_token").asText())).status())
                .isEqualTo(200);
        assertThat(client.postForm("/oauth2/introspect", bob, Map.of("token", aliceLogin.get("refresh_token").asText()))
                .status()).as("introspection is for admins and resource servers").isEqualTo(403);
        assertThat(refreshed(aliceLogin.get("refresh_token").asText())).isNotNull();
    }

    @Test
    void whenTheRotationCannotBeWrittenTheRefreshIs503AndTheOldTokenStaysUsable() throws Exception {
        start();
        JsonNode login = login(alice, ALICE_PASSWORD);
        String refreshToken = login.get("refresh_token").asText();
        String family = familyOf(login.get("jti").asText());
        try (Connection c = DriverManager.getConnection(url + ";MODE=PostgreSQL"); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            // another transaction holds the family row: the rotation's write times out as if the database hung
            s.executeQuery("SELECT family_id FROM token_families WHERE family_id = '" + family + "' FOR UPDATE").close();
            Reply down = refresh(refreshToken);
            assertThat(down.status()).as(down.body()).isEqualTo(503);
            assertThat(down.code()).isEqualTo("service_unavailable");
            c.rollback();
        }
        JsonNode after = refreshed(refreshToken);
        assertThat(after.get("refresh_token").asText()).as("the old token was not spent by the failed attempt")
                .startsWith("tlr_");
        assertThat(client.get("/families/" + family, admin).json().get("refresh_tokens")).hasSize(2);
    }
}
