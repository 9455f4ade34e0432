package io.tokenlife.app.http;

import io.tokenlife.app.http.support.Client;
import io.tokenlife.app.http.support.Client.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Validation makes no database round trip, also for a subject this replica has never seen: with
 * PostgreSQL refusing connections (and the open ones killed, as the persistence adapter's fault test
 * does), a valid token of a stranger is still accepted, and one of a disabled user still refused.
 */
class OutageValidationIT {
    private static final String ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";
    private final String database = "tl_outage_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
            .toLowerCase(Locale.ROOT);
    private boolean created;

    @BeforeEach
    void createDatabase() {
        try {
            admin("CREATE DATABASE " + database);
            created = true;
        } catch (SQLException e) {
            if ("true".equalsIgnoreCase(System.getenv("TOKENLIFE_REQUIRE_POSTGRES"))) {
                throw new IllegalStateException(e);
            }
            System.err.println("PostgreSQL not reachable at 127.0.0.1:5432: skipped (" + e.getMessage() + ")");
        }
        Assumptions.assumeTrue(created, "PostgreSQL not reachable at 127.0.0.1:5432: skipped");
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        if (created) {
            admin("ALTER DATABASE " + database + " WITH ALLOW_CONNECTIONS true");
            admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    @Test
    void aValidTokenOfANeverSeenSubjectValidatesWhileTheDatabaseIsDown() throws Exception {
        Map<String, String> config = new HashMap<>();
        config.put("DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/" + database + "?user=postgres");
        config.put("JWT_SECRET_KEY", "outage-secret-" + UUID.randomUUID());
        config.put("HOST", "127.0.0.1");
        config.put("PORT", "0");
        try (HttpComposition server = HttpComposition.start(config, Clock.systemUTC())) {
            Client client = new Client("http://127.0.0.1:" + server.port());
            String admin = RealCompositionIT.session(server.useCases(), "root@example.com", true);
            assertThat(client.postJson("/users", admin, "{\"email\":\"dora@example.com\",\"password\":\"dora-password-1\"}")
                    .status()).isEqualTo(201);
            assertThat(client.send(client.builder("/users/dora@example.com", admin)
                    .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString("{\"active\":false}"))
                    .header("Content-Type", "application/json")).status()).isEqualTo(200);
            String dora = RealCompositionIT.session(server.useCases(), "dora@example.com", false); // after the disable
            String stranger = RealCompositionIT.session(server.useCases(), "stranger-" + UUID.randomUUID() + "@example.com",
                    false);

            admin("ALTER DATABASE " + database + " WITH ALLOW_CONNECTIONS false");
            admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database + "'");
            assertThat(client.get("/ready", null).status()).as("the outage is visible").isEqualTo(503);

            // the admin's subject and the stranger have no user row and were never looked up here
            Reply introspected = client.postForm("/oauth2/introspect", admin, Map.of("token", stranger));
            assertThat(introspected.status()).as(introspected.body()).isEqualTo(200);
            assertThat(introspected.json().get("active").asBoolean()).isTrue();
            Reply disabled = client.postForm("/oauth2/introspect", admin, Map.of("token", dora));
            assertThat(disabled.status()).as(disabled.body()).isEqualTo(200);
            assertThat(disabled.body()).isEqualTo("{\"active\":false}");
            Reply asDora = client.postForm("/oauth2/introspect", dora, Map.of("token", stranger));
            assertThat(asDora.status()).as(asDora.body()).isEqualTo(401);
            assertThat(asDora.code()).isEqualTo("user_disabled");
            // as the caller, the stranger's token authenticates without the database: refused for want of the
            // introspection scope (403), not for an outage (503)
            Reply asCaller = client.postForm("/oauth2/introspect", stranger, Map.of("token", stranger));
            assertThat(asCaller.status()).as(asCaller.body()).isEqualTo(403);
        }
    }

    private static void admin(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(ADMIN_URL); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
