package io.tokenlife.adapters.persistence;

/** The batching registry writer on the real PostgreSQL: a throw-away database per test (skipped without one). */
class PostgresRegistryWriterIT extends RegistryWriterContract {
    private PostgresDatabase database;

    @Override
    String freshUrl() {
        if (database == null) {
            database = PostgresDatabase.create();
        }
        return database.url();
    }

    @Override
    void drop() {
        if (database != null) {
            database.close();
        }
    }
}
