package io.tokenlife.domain.contract;

import io.tokenlife.domain.model.User;
import io.tokenlife.domain.port.out.UserStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract of {@link UserStore}, run against every adapter: the in-memory fake, H2 and PostgreSQL.
 * A subclass gives a fresh, empty store for each test.
 */
public abstract class UserStoreContract {
    protected static final Instant T0 = Instant.parse("2026-01-01T10:00:00.123Z");

    /** A fresh, empty store (for a database: migrated). */
    protected abstract UserStore freshStore();

    /** Releases what {@link #freshStore()} opened. */
    protected void dispose() {
    }

    private UserStore users;

    @BeforeEach
    void open() {
        users = freshStore();
    }

    @AfterEach
    void close() {
        dispose();
    }

    private static User user(String email, boolean admin, boolean active) {
        return new User(email, "Full Name", "$2a$11$hash", admin, active, T0, T0);
    }

    @Test
    void createsAUserAndFindsItWhateverTheCaseOfTheEmail() {
        users.create(user("Alice@Example.com", true, true));

        User found = users.find("ALICE@example.COM").orElseThrow();
        assertThat(found).isEqualTo(user("alice@example.com", true, true));
        assertThat(found.createdAt()).isEqualTo(T0);
        assertThat(users.find("bob@example.com")).isEmpty();
    }

    @Test
    void refusesASecondUserWithTheSameEmailInAnotherCase() {
        users.create(user("alice@example.com", false, true));

        assertThat(users.create(user("ALICE@example.com", true, true))).isFalse();
        assertThat(users.find("alice@example.com").orElseThrow().admin()).isFalse();
    }

    @Test
    void updatesAUserAndTheNextFindSeesItAtOnce() {
        users.create(user("alice@example.com", false, true));
        assertThat(users.find("alice@example.com").orElseThrow().active()).isTrue();

        boolean updated = users.update(new User("alice@example.com", "Alice A.", "$2a$11$other", true, false, T0,
                T0.plusSeconds(60)));

        assertThat(updated).isTrue();
        User found = users.find("alice@example.com").orElseThrow();
        assertThat(found.active()).isFalse();
        assertThat(found.admin()).isTrue();
        assertThat(found.fullName()).isEqualTo("Alice A.");
        assertThat(found.passwordHash()).isEqualTo("$2a$11$other");
        assertThat(found.updatedAt()).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void updatingAnUnknownUserReturnsFalse() {
        assertThat(users.update(user("nobody@example.com", false, true))).isFalse();
        assertThat(users.find("nobody@example.com")).isEmpty();
    }

    @Test
    void aUserCreatedAfterANegativeLookupIsFoundAtOnce() {
        assertThat(users.find("late@example.com")).isEmpty();

        users.create(user("late@example.com", false, true));

        assertThat(users.find("late@example.com")).isPresent();
    }

    @Test
    void listsEveryUserOrderedByEmail() {
        users.create(user("carol@example.com", false, true));
        users.create(user("Alice@example.com", false, true));
        users.create(user("bob@example.com", true, false));

        assertThat(users.list()).extracting(User::email)
                .containsExactly("alice@example.com", "bob@example.com", "carol@example.com");
    }
}
