package io.tokenlife.app.http;

import io.tokenlife.app.http.support.Client;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.UUID;

/**
 * {@link FieldLimitsIT}'s cases on the real composition over PostgreSQL (a database of its own, dropped
 * afterwards): every field over its limit is a 400 naming it there too, never the database's 22001 as a 503.
 */
class PostgresFieldLimitsIT extends FieldLimitsIT {
    private static final String DATABASE = "tokenlife_limits_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private static String unavailable;

    /** Shadows {@link FieldLimitsIT#start()}: the same server, on PostgreSQL. */
    @BeforeAll
    static void start() {
        try (Connection c = DriverManager.getConnection(PostgresReplicasIT.ADMIN_URL); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + DATABASE);
        } catch (SQLException e) {
            if ("true".equalsIgnoreCase(System.getenv("TOKENLIFE_REQUIRE_POSTGRES"))) {
                throw new IllegalStateException(e);
            }
            unavailable = "PostgreSQL not reachable at " + PostgresReplicasIT.HOST + ": skipped (" + e.getMessage() + ")";
            return;
        }
        java.util.Map<String, String> config = new java.util.HashMap<>(RealCompositionIT.config());
        config.put("DATABASE_URL", "jdbc:postgresql://" + PostgresReplicasIT.HOST + "/" + DATABASE + "?user=postgres");
        server = HttpComposition.start(config, Clock.systemUTC());
        client = new Client("http://127.0.0.1:" + server.port());
        admin = RealCompositionIT.session(server.useCases(), "root@example.com", true);
    }

    @BeforeEach
    void skipWithoutPostgres() {
        Assumptions.assumeTrue(unavailable == null, () -> unavailable);
    }

    /** Shadows {@link FieldLimitsIT#stop()}. */
    @AfterAll
    static void stop() {
        if (unavailable != null) {
            return;
        }
        server.close();
        try (Connection c = DriverManager.getConnection(PostgresReplicasIT.ADMIN_URL); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("dropping " + DATABASE, e);
        }
    }
}
