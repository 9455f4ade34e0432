package io.tokenlife.adapters.persistence;

import io.tokenlife.domain.model.User;
import io.tokenlife.domain.port.out.StoreUnavailableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** User lookups are on the validation path: a known user is answered from memory even when the database fails. */
class UserLookupFromMemoryTest {
    private final String url = TestDatabases.freshH2MemoryUrl();
    private PersistenceAdapters adapters;

    @AfterEach
    void drop() {
        TestDatabases.closeAndDrop(adapters, url);
    }

    @Test
    void aKnownUserIsStillAnsweredAfterItsReloadTimeWhileTheDatabaseFails() throws Exception {
        PersistenceOptions defaults = PersistenceOptions.defaults();
        adapters = TestDatabases.started(url, Clock.systemUTC(), new PersistenceOptions(defaults.pollInterval(),
                defaults.notifications(), defaults.connectionTimeout(), defaults.touchFlushInterval(),
                defaults.sweepInterval(), Duration.ofMillis(50)));
        Instant now = Instant.now();
        adapters.users().create(new User("known@example.com", "Known", null, false, true, now, now));
        assertThat(adapters.users().find("known@example.com")).isPresent();

        try (Connection c = DriverManager.getConnection(JdbcUrls.complete(url)); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE users RENAME TO users_unreachable"); // every query on users now fails
        }
        for (int i = 0; i < 5; i++) {
            Thread.sleep(60); // past the reload time: each read starts a background reload, which fails
            assertThat(adapters.users().find("KNOWN@example.com")).map(User::email).contains("known@example.com");
        }
        assertThatThrownBy(() -> adapters.users().find("stranger@example.com"))
                .isInstanceOf(StoreUnavailableException.class);
    }
}
