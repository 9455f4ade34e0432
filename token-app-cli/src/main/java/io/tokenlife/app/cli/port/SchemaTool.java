package io.tokenlife.app.cli.port;

import java.util.List;

/** The database schema: migrations and what is known about the database. */
public interface SchemaTool {
    /** Applies pending migrations; returns how many were applied. */
    int migrate();

    /** @throws DatabaseUnavailableException when the database cannot be opened */
    SchemaInfo info();

    /** @param details further lines (applied migrations, counts) as the adapter reports them */
    record SchemaInfo(String url, String kind, boolean reachable, List<String> details) {
        public SchemaInfo {
            details = List.copyOf(details);
        }
    }
}
