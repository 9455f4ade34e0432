package io.tokenlife.app.cli.wiring;

import io.tokenlife.adapters.persistence.PersistenceAdapters;
import io.tokenlife.app.cli.port.DatabaseUnavailableException;
import io.tokenlife.domain.settings.DatabaseSettings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Opening an H2 file that is not there creates an empty database, so a command run in the wrong folder
 * would list nothing and record into a database nobody reads. Only {@code db migrate} and the server
 * create one; every other command first asks here.
 */
final class ExistingDatabase {
    private ExistingDatabase() {
    }

    /** @throws DatabaseUnavailableException naming the missing file and how a database comes to exist */
    static void require(DatabaseSettings database) {
        Optional<Path> file = PersistenceAdapters.embeddedDatabaseFile(database);
        if (file.isPresent() && !Files.exists(file.get())) {
            throw new DatabaseUnavailableException("no database exists at " + file.get() + " (DATABASE_URL="
                    + database.redactedUrl() + "); only 'tokenlife db migrate' and a server start create one: run "
                    + "this in the server's working directory, point DATABASE_URL at its database, or create it "
                    + "with 'tokenlife db migrate'", null);
        }
    }
}
