package io.tokenlife.adapters.persistence;

import io.tokenlife.domain.contract.SecurityEventLogContract;
import io.tokenlife.domain.model.SecurityEvent;
import io.tokenlife.domain.model.SecurityEventPage;
import io.tokenlife.domain.model.SecurityEventQuery;
import io.tokenlife.domain.model.SecurityEventType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The security event log contract on H2, and what it shows while its database is gone. */
class H2SecurityEventLogTest extends SecurityEventLogContract {
    private PersistenceAdapters adapters;
    private Database db;
    private String url;

    @Override
    protected Log freshLog(int capacity) {
        url = TestDatabases.freshH2MemoryUrl();
        adapters = TestDatabases.started(url, Clock.fixed(T0, ZoneOffset.UTC), PersistenceOptions.defaults());
        db = new Database(url, url, Duration.ofSeconds(1));
        JdbiSecurityEventLog log = new JdbiSecurityEventLog(db, Clock.fixed(T0, ZoneOffset.UTC), capacity);
        return new Log(log, log);
    }

    @AfterEach
    void dropDatabase() {
        if (db != null) {
            db.close();
        }
        TestDatabases.closeAndDrop(adapters, url);
    }

    @Test
    void theSinkOfTheAdaptersWritesInTheBackgroundAndItsReaderSeesItsOwnEventsAtOnce() {
        freshLog(10);
        adapters.securityEventSink().emit(SecurityEvent.info(SecurityEventType.TOKEN_ISSUED, "issued",
                Map.of("subject", "a@x.io")));
        assertThat(adapters.securityEventLog().recent(SecurityEventQuery.latest()).items()).singleElement()
                .satisfies(e -> assertThat(e.subject()).isEqualTo("a@x.io"));
    }

    @Test
    void whileTheDatabaseIsGoneTheEventsOfThisProcessAreShownAndSaidToBeOnlyThose() throws Exception {
        Log log = freshLog(10);
        log.sink().emit(SecurityEvent.info(SecurityEventType.TOKEN_ISSUED, "before", Map.of()));
        assertThat(log.reader().recent(SecurityEventQuery.latest()).thisProcessOnly()).isFalse();
        try (Connection c = DriverManager.getConnection(JdbcUrls.complete(url)); Statement s = c.createStatement()) {
            s.execute("DROP TABLE security_events");
        }
        log.sink().emit(SecurityEvent.warn(SecurityEventType.LOGIN_FAILED, "during", Map.of("email", "b@x.io")));

        SecurityEventPage page = log.reader().recent(new SecurityEventQuery(Optional.empty(), Optional.of("b@x.io"),
                Optional.empty(), 10));

        assertThat(page.thisProcessOnly()).isTrue();
        assertThat(page.items()).singleElement().satisfies(e -> assertThat(e.message()).isEqualTo("during"));
        assertThat(log.reader().recent(SecurityEventQuery.latest()).items()).hasSize(2);
    }
}
