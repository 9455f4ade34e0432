package io.tokenlife.adapters.persistence;

import io.tokenlife.domain.settings.TokenlifeSettings;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

/** Settings and stacks for tests: a fresh H2 in-memory database each time. */
final class TestDatabases {
    private TestDatabases() {
    }

    static TokenlifeSettings settings(String url) {
        return TokenlifeSettings.fromMap(Map.of("DATABASE_URL", url));
    }

    static String freshH2MemoryUrl() {
        return "jdbc:h2:mem:tl_" + UUID.randomUUID().toString().replace("-", "");
    }

    /** Opens, migrates and starts the sync of a stack on {@code url}. */
    static PersistenceAdapters started(String url, Clock clock, PersistenceOptions options) {
        PersistenceAdapters adapters = PersistenceAdapters.open(settings(url), clock, options);
        adapters.migrate();
        adapters.startRevocationSync();
        return adapters;
    }

    /** Closes the stack; an in-memory H2 database is dropped too. */
    static void closeAndDrop(PersistenceAdapters adapters, String url) {
        if (adapters == null) {
            return;
        }
        adapters.close();
        if (url.startsWith("jdbc:h2:mem:")) {
            try (Connection c = DriverManager.getConnection(JdbcUrls.complete(url)); Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
