package io.tokenlife.app.cli.wiring;

import io.tokenlife.adapters.persistence.PersistenceAdapters;
import io.tokenlife.app.cli.port.DatabaseUnavailableException;
import io.tokenlife.app.cli.port.SchemaTool;
import io.tokenlife.domain.settings.DatabaseSettings;

import java.util.List;
import java.util.function.Supplier;

/** {@code db migrate} and {@code db info} over the persistence adapter. */
final class PersistenceSchemaTool implements SchemaTool {
    private final Supplier<DatabaseSettings> database;
    private final Supplier<PersistenceAdapters> open;

    PersistenceSchemaTool(Supplier<DatabaseSettings> database, Supplier<PersistenceAdapters> open) {
        this.database = database;
        this.open = open;
    }

    @Override
    public int migrate() {
        PersistenceAdapters db = open.get();
        try {
            return db.migrate();
        } catch (RuntimeException e) {
            throw DatabaseFailures.unavailable(database.get(), e);
        }
    }

    @Override
    public SchemaInfo info() {
        DatabaseSettings database = this.database.get();
        String kind = database.isPostgres() ? "postgresql" : database.isEphemeral() ? "h2 (in memory, ephemeral)" : "h2 (file)";
        try {
            ExistingDatabase.require(database); // info must not create the database it reports on
            boolean reachable = open.get().isReachable();
            return new SchemaInfo(database.redactedUrl(), kind, reachable, List.of());
        } catch (DatabaseUnavailableException e) {
            return new SchemaInfo(database.redactedUrl(), kind, false, List.of("error: " + e.getMessage()));
        }
    }
}
