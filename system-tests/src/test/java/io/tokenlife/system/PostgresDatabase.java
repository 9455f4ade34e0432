package io.tokenlife.system;

import org.junit.jupiter.api.Assumptions;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

/**
 * A fresh PostgreSQL database for one test class, dropped afterwards. Without PostgreSQL the tests are
 * skipped with a message, unless TOKENLIFE_REQUIRE_POSTGRES=true makes that a failure.
 */
final class PostgresDatabase implements AutoCloseable {
    static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    final String name = "tl_system_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    private PostgresDatabase() {
    }

    static PostgresDatabase createOrSkip() {
        PostgresDatabase db = new PostgresDatabase();
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", "postgres", "")) {
            c.createStatement().execute("CREATE DATABASE " + db.name);
            return db;
        } catch (SQLException e) {
            if ("true".equals(System.getenv("TOKENLIFE_REQUIRE_POSTGRES"))) {
                throw new AssertionError("PostgreSQL required (TOKENLIFE_REQUIRE_POSTGRES=true) but not reachable at "
                        + "127.0.0.1:5432: " + e.getMessage());
            }
            System.out.println("PostgreSQL not reachable at 127.0.0.1:5432: skipped (" + e.getMessage() + ")");
            Assumptions.abort("PostgreSQL not reachable at 127.0.0.1:5432: skipped");
            return null;
        }
    }

    String url() {
        return SERVER + name + "?user=postgres";
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", "postgres", "")) {
            c.createStatement().execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }
}
