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

/**
 * User lookups are on the validation path: every user is held in memory, so a known user and an unknown
 * subject alike are answered without the database, also while it fails; other processes' writes arrive by
 * the catch-up.
 */
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

    @Test
    void aSubjectNeverSeenIsAnsweredFromMemoryWhileTheDatabaseFails() throws Exception {
        adapters = TestDatabases.started(url, Clock.systemUTC(), PersistenceOptions.defaults());
        Instant now = Instant.now();
        adapters.users().create(new User("known@example.com", "Known", null, false, false, now, now));

        try (Connection c = DriverManager.getConnection(JdbcUrls.complete(url)); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE users RENAME TO users_unreachable");
        }

        assertThat(adapters.users().findInMemory("never-seen@example.com")).isEmpty();
        assertThat(adapters.users().findInMemory("KNOWN@example.com")).map(User::active).contains(false);
    }

    @Test
    void usersWrittenByAnotherProcessAreHeldAfterTheCatchUp() throws Exception {
        PersistenceOptions defaults = PersistenceOptions.defaults();
        PersistenceOptions quick = new PersistenceOptions(defaults.pollInterval(), defaults.notifications(),
                defaults.connectionTimeout(), defaults.touchFlushInterval(), defaults.sweepInterval(), Duration.ofMillis(50));
        adapters = TestDatabases.started(url, Clock.systemUTC(), quick);
        try (PersistenceAdapters other = TestDatabases.started(url, Clock.systemUTC(), quick)) {
            Instant now = Instant.now();
            other.users().create(new User("new@example.com", "New", null, false, true, now, now));
            await(() -> adapters.users().findInMemory("new@example.com").isPresent());

            other.users().update(new User("new@example.com", "New", null, false, false, now, now.plusSeconds(1)));
            await(() -> adapters.users().findInMemory("new@example.com").map(u -> !u.active()).orElse(false));
        }
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() - deadline).as("caught up within 10 s").isNegative();
            Thread.sleep(5);
        }
    }
}
