package io.tokenlife.adapters.persistence;

import io.tokenlife.domain.model.User;
import io.tokenlife.domain.port.out.UserStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract of {@link UserStore}, run on H2 and on PostgreSQL. */
abstract class UserStoreContract {
    static final Instant T0 = Instant.parse("2026-01-01T10:00:00.123Z");

    /** A fresh, empty, migrated stack. */
    protected abstract PersistenceAdapters freshStack();

    protected abstract void dispose(PersistenceAdapters adapters);

    private PersistenceAdapters adapters;
    private UserStore users;

    @BeforeEach
    void open() {
        adapters = freshStack();
        users = adapters.users();
    }

    @AfterEach
    void close() {
        dispose(adapters);
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
