package io.tokenlife.app.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tokenlife.adapters.persistence.PersistenceAdapters;
import io.tokenlife.app.http.identity.LoginIT;
import io.tokenlife.app.http.support.Client.Reply;
import io.tokenlife.app.http.support.Client;
import io.tokenlife.app.http.support.LogCapture;
import io.tokenlife.domain.model.User;
import io.tokenlife.domain.settings.TokenlifeSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform-admin bootstrap and the {@code REQUIRE_USER_IN_DB} matrix on the real composition: two
 * servers over one H2 database holding an active and a disabled user, one with the setting off, one on.
 * Both have {@code PLATFORM_ADMIN_PASSWORD} set; only the first may use it.
 */
class RequireUserInDbIT {
    static final String ADMIN = "admin@example.com";
    static final String ADMIN_PASSWORD = "bootstrap-password-1";
    static final String ALICE_PASSWORD = "alice-password-1";
    static final ObjectMapper JSON = new ObjectMapper();
    static HttpComposition off;
    static HttpComposition on;

    static Map<String, String> config(String database, boolean requireUser) {
        Map<String, String> config = new HashMap<>(RealCompositionIT.config());
        config.put("DATABASE_URL", database);
        config.put("PLATFORM_ADMIN_PASSWORD", ADMIN_PASSWORD);
        config.put("REQUIRE_USER_IN_DB", Boolean.toString(requireUser));
        return config;
    }

    @BeforeAll
    static void start() {
        String database = "jdbc:h2:mem:require-user-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        try (PersistenceAdapters seed = PersistenceAdapters.open(TokenlifeSettings.fromMap(config(database, false)),
                Clock.systemUTC())) {
            seed.migrate();
            Instant now = Instant.now();
            seed.users().create(new User("alice@example.com", "Alice", seed.passwords().hash(ALICE_PASSWORD), false,
                    true, now, now));
            seed.users().create(new User("dave@example.com", "Dave", seed.passwords().hash(ALICE_PASSWORD), false,
                    false, now, now));
        }
        off = HttpComposition.start(config(database, false), Clock.systemUTC());
        on = HttpComposition.start(config(database, true), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        off.close();
        on.close();
    }

    static Client client(HttpComposition server) {
        return new Client("http://127.0.0.1:" + server.port());
    }

    static Reply login(HttpComposition server, String email, String password) {
        return client(server).postJson("/auth/login", null, LoginIT.login(email, password));
    }

    /** JSON log lines of the security logger with this event. */
    static List<JsonNode> events(LogCapture capture, String event) {
        return capture.json().lines().map(line -> {
            try {
                return JSON.readTree(line);
            } catch (Exception e) {
                throw new AssertionError(line, e);
            }
        }).filter(n -> event.equals(n.path("security_event").asText())).toList();
    }

    @ParameterizedTest(name = "REQUIRE_USER_IN_DB={0}, subject {1} -> {2} {3}")
    @CsvSource({
            "false, alice@example.com, 200, ",
            "false, ghost@example.com, 200, ",
            "false, dave@example.com,  401, user_disabled",
            "false, admin@example.com, 200, ",
            "true,  alice@example.com, 200, ",
            "true,  ghost@example.com, 401, user_not_found",
            "true,  dave@example.com,  401, user_disabled",
            "true,  admin@example.com, 401, user_not_found",
    })
    void aTokenOfEachKindOfSubjectIsAcceptedOrRejectedAsTheSettingSays(boolean requireUser, String subject,
                                                                        int status, String code) {
        HttpComposition server = requireUser ? on : off;
        String token = RealCompositionIT.session(server.useCases(), subject, false);
        try (LogCapture capture = new LogCapture()) {
            Reply reply = client(server).get("/tokens", token);

            assertThat(reply.status()).as(reply.body()).isEqualTo(status);
            List<JsonNode> rejected = events(capture, "user_not_found_rejected");
            if (code == null) {
                assertThat(rejected).isEmpty();
            } else {
                assertThat(reply.code()).isEqualTo(code);
                assertThat(rejected).singleElement().satisfies(e -> {
                    assertThat(e.get("subject").asText()).isEqualTo(subject);
                    assertThat(e.get("level").asText()).isEqualTo("WARN");
                });
            }
            assertThat(events(capture, "platform_admin_auth")).as("bootstrap authentications")
                    .hasSize(!requireUser && subject.equals(ADMIN) ? 1 : 0);
        }
    }

    @Test
    void theBootstrapAdminLogsInWithoutAUserRowGetsAdminRightsAndEachAuthenticationIsLoggedAtInfo() {
        try (LogCapture capture = new LogCapture()) {
            Reply login = login(off, ADMIN, ADMIN_PASSWORD);
            assertThat(login.status()).as(login.body()).isEqualTo(200);
            String token = login.json().get("access_token").asText();
            Reply users = client(off).get("/users", token);
            assertThat(users.status()).as("admin rights").isEqualTo(200);
            assertThat(users.json().get("items").findValuesAsText("email")).doesNotContain(ADMIN);

            List<JsonNode> events = events(capture, "platform_admin_auth");
            assertThat(events).hasSize(2); // the login, then the authentication of GET /users
            for (JsonNode event : events) {
                assertThat(event.get("level").asText()).isEqualTo("INFO");
                assertThat(event.get("logger_name").asText()).isEqualTo("tokenlife.security");
                assertThat(event.get("user_id").asText()).isEqualTo(ADMIN);
            }
            assertThat(capture.text()).containsPattern(
                    "(?m)^INFO tokenlife\\.security - .*security_event=platform_admin_auth.* user_id=admin@example\\.com");
            assertThat(capture.all()).doesNotContain(ADMIN_PASSWORD).doesNotContain(token);
        }
    }

    @Test
    void withRequireUserInDbTheBootstrapLoginIsRefusedLikeAnyWrongLogin() {
        Reply refused = login(on, ADMIN, ADMIN_PASSWORD);
        Reply unknown = login(on, "nobody@example.com", ADMIN_PASSWORD);

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.code()).isEqualTo("unauthorized");
        assertThat(refused.body()).isEqualTo(unknown.body());
    }

    @Test
    void aKnownActiveUserLogsInWithTheBcryptPasswordWhateverTheSetting() {
        for (HttpComposition server : List.of(off, on)) {
            Reply login = login(server, "alice@example.com", ALICE_PASSWORD);
            assertThat(login.status()).as(login.body()).isEqualTo(200);
            assertThat(client(server).get("/tokens", login.json().get("access_token").asText()).status()).isEqualTo(200);
        }
        assertThat(login(on, "dave@example.com", ALICE_PASSWORD).status()).as("disabled").isEqualTo(401);
    }
}
