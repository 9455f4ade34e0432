package io.tokenlife.adapters.persistence;

import org.junit.jupiter.api.AfterEach;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;

class H2ColumnsTest extends ColumnsHoldTheDomainLimits {
    private final String url = TestDatabases.freshH2MemoryUrl();
    private PersistenceAdapters adapters;

    @Override
    protected Connection migratedDatabase() throws SQLException {
        adapters = TestDatabases.started(url, Clock.systemUTC(), PersistenceOptions.defaults());
        return DriverManager.getConnection(JdbcUrls.complete(url));
    }

    @AfterEach
    void drop() {
        TestDatabases.closeAndDrop(adapters, url);
    }
}
