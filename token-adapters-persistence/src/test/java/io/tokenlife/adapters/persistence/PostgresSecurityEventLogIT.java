package io.tokenlife.adapters.persistence;

import io.tokenlife.domain.contract.SecurityEventLogContract;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;

/** The security event log contract on the real PostgreSQL. */
class PostgresSecurityEventLogIT extends SecurityEventLogContract {
    @RegisterExtension
    static final PostgresDatabase.PerClass DATABASE = new PostgresDatabase.PerClass();
    private Database db;

    @Override
    protected Log freshLog(int capacity) {
        PostgresDatabase database = DATABASE.get();
        db = new Database(database.url(), database.url(), Duration.ofSeconds(2));
        db.migrate();
        database.truncate();
        JdbiSecurityEventLog log = new JdbiSecurityEventLog(db, Clock.fixed(T0, ZoneOffset.UTC), capacity);
        return new Log(log, log);
    }

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }
}
