package io.tokenlife.adapters.persistence;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;

/**
 * A throw-away database on the PostgreSQL at 127.0.0.1:5432 (user postgres, trust auth): created with a
 * random name, dropped with {@code WITH (FORCE)} afterwards. When PostgreSQL is unreachable the test is
 * skipped with a visible message, unless {@code TOKENLIFE_REQUIRE_POSTGRES=true}, which makes it fail.
 */
final class PostgresDatabase implements AutoCloseable {
    static final String ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";
    private final String name;

    private PostgresDatabase(String name) {
        this.name = name;
    }

    static PostgresDatabase create() {
        String name = "tl_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            boolean required = "true".equalsIgnoreCase(System.getenv("TOKENLIFE_REQUIRE_POSTGRES"));
            String message = "PostgreSQL not reachable at " + ADMIN_URL + ": skipped (" + e.getMessage() + ")";
            if (required) {
                throw new IllegalStateException(message.replace("skipped", "TOKENLIFE_REQUIRE_POSTGRES=true"), e);
            }
            System.err.println(message);
            Assumptions.abort(message);
        }
        return new PostgresDatabase(name);
    }

    /**
     * One database for a test class, registered with {@code @RegisterExtension}: created before the class's
     * tests, dropped after them. Without PostgreSQL, {@link #get()} aborts each test, so every test is
     * reported skipped (an abort in {@code @BeforeAll} would show as "Tests run: 0").
     */
    static final class PerClass implements BeforeAllCallback, AfterAllCallback {
        private PostgresDatabase database;
        private TestAbortedException unavailable;

        @Override
        public void beforeAll(ExtensionContext context) {
            create();
        }

        @Override
        public void afterAll(ExtensionContext context) {
            drop();
        }

        /** The adapters over this class's database, migrated and emptied, the revocation sync not started. */
        PersistenceAdapters openEmpty(Clock clock) {
            PostgresDatabase db = get();
            PersistenceAdapters adapters = PersistenceAdapters.open(TestDatabases.settings(db.url()), clock,
                    PersistenceOptions.defaults());
            adapters.migrate();
            db.truncate();
            return adapters;
        }

        void create() {
            try {
                database = PostgresDatabase.create();
            } catch (TestAbortedException e) {
                unavailable = e;
            }
        }

        PostgresDatabase get() {
            if (unavailable != null) {
                throw unavailable;
            }
            return database;
        }

        void drop() {
            if (database != null) {
                database.close();
            }
        }
    }

    static Connection admin() throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", "postgres");
        props.setProperty("connectTimeout", "2");
        return DriverManager.getConnection(ADMIN_URL, props);
    }

    String name() {
        return name;
    }

    String url() {
        return "jdbc:postgresql://127.0.0.1:5432/" + name + "?user=postgres";
    }

    void execute(String sql) {
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Runs SQL inside this database. */
    void executeInside(String sql) {
        try (Connection c = DriverManager.getConnection(url()); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Empties the tables of the migrated schema. */
    void truncate() {
        executeInside("TRUNCATE issued_tokens, jti_revocations, revocation_cutoffs, users, security_events, signing_keys, "
                + "token_families, refresh_tokens");
        executeInside("UPDATE revocation_sequence SET last_seq = 0");
    }

    /** Connections to this database cut off, as a restart or a network failure would. */
    int terminateConnections() {
        try (Connection c = admin(); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity "
                     + "WHERE datname = '" + name + "' AND pid <> pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
}
