package io.tokenlife.adapters.persistence;

import org.junit.jupiter.api.AfterEach;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;

class PostgresColumnsIT extends ColumnsHoldTheDomainLimits {
    private PostgresDatabase database;

    @Override
    protected Connection migratedDatabase() throws SQLException {
        database = PostgresDatabase.create();
        try (PersistenceAdapters adapters = PersistenceAdapters.open(TestDatabases.settings(database.url()),
                Clock.systemUTC())) {
            adapters.migrate();
        }
        return DriverManager.getConnection(database.url());
    }

    @AfterEach
    void drop() {
        if (database != null) {
            database.close();
        }
    }
}
