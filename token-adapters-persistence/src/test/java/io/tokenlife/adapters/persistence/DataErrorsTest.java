package io.tokenlife.adapters.persistence;

import io.tokenlife.domain.model.TokenRecord;
import io.tokenlife.domain.model.TokenSource;
import io.tokenlife.domain.model.TokenUse;
import io.tokenlife.domain.model.User;
import io.tokenlife.domain.port.out.StoreUnavailableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A value the database refuses is a rejected value, never "the database is unavailable": retrying cannot
 * help, and the apps must not answer 503 for it (the use cases check the bounds first, so this is a bug).
 */
class DataErrorsTest {
    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");
    private final String url = TestDatabases.freshH2MemoryUrl();
    private PersistenceAdapters adapters;

    @BeforeEach
    void open() {
        adapters = TestDatabases.started(url, Clock.systemUTC(), PersistenceOptions.defaults());
    }

    @AfterEach
    void drop() {
        TestDatabases.closeAndDrop(adapters, url);
    }

    @Test
    void aValueLongerThanItsColumnIsARejectedValueNotAnOutage() {
        TokenRecord tooLongScope = new TokenRecord("j1", "alice@example.com", TokenSource.API, TokenUse.API, "n",
                "s".repeat(4001), NOW, NOW.plusSeconds(60), null, null, null, null);

        assertThatThrownBy(() -> adapters.registry().record(tooLongScope))
                .isInstanceOf(RejectedValueException.class).isNotInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("SQL state 22001").hasMessageNotContaining("ssss");
        assertThat(adapters.registry().find("j1")).isEmpty();
        assertThat(adapters.isReachable()).isTrue();
    }

    @Test
    void aDuplicateKeyIsStillTheStoresOutcome() {
        User user = new User("alice@example.com", "x".repeat(1001), null, false, true, NOW, NOW);

        assertThatThrownBy(() -> adapters.users().create(user)).isInstanceOf(RejectedValueException.class);
        assertThat(adapters.users().create(new User("alice@example.com", null, null, false, true, NOW, NOW))).isTrue();
        assertThat(adapters.users().create(new User("ALICE@example.com", null, null, false, true, NOW, NOW))).isFalse();
    }
}
