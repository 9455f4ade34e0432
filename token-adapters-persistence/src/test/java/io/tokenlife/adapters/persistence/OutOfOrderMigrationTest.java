package io.tokenlife.adapters.persistence;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database made by an earlier build of main, which had only {@code V1} and {@code V2_17}, is migrated by
 * this one: the versions numbered below 2.17 that came later are applied out of order, not refused.
 */
class OutOfOrderMigrationTest {
    @Test
    void aDatabaseThatRanV2_17FirstGetsTheEarlierSecondWaveMigrations(@TempDir Path dir) throws Exception {
        Path earlier = dir.resolve("earlier");
        Files.createDirectories(earlier);
        for (String script : new String[] {"V1__registry_revocations_users.sql", "V2_17__security_events.sql"}) {
            try (InputStream in = getClass().getResourceAsStream("/db/migration/" + script)) {
                Files.copy(in, earlier.resolve(script));
            }
        }
        String url = "jdbc:h2:file:" + dir.resolve("data/tokenlife");
        String completed = JdbcUrls.complete(url); // the options the adapter opens H2 with (lower-case names, …)
        Flyway.configure().dataSource(completed, "", "").locations("filesystem:" + earlier).load().migrate();
        assertThat(appliedVersions(completed)).containsExactly("1", "2.17");

        try (PersistenceAdapters adapters = PersistenceAdapters.open(TestDatabases.settings(url), Clock.systemUTC())) {
            assertThat(adapters.migrate()).as("the second-wave migrations below 2.17").isPositive();
        }
        assertThat(appliedVersions(completed)).contains("1", "2.13", "2.15", "2.16", "2.17");
    }

    private static java.util.List<String> appliedVersions(String url) throws SQLException, IOException {
        java.util.List<String> versions = new java.util.ArrayList<>();
        try (Connection c = DriverManager.getConnection(url);
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" AND \"version\" IS NOT NULL ORDER BY \"installed_rank\"")) {
            while (rs.next()) {
                versions.add(rs.getString(1));
            }
        }
        return versions;
    }
}
