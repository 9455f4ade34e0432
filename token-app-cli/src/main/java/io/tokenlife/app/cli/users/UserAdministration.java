package io.tokenlife.app.cli.users;

import io.tokenlife.domain.model.Subjects;
import io.tokenlife.domain.model.User;
import io.tokenlife.domain.port.out.PasswordHasher;
import io.tokenlife.domain.port.out.UserStore;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * User management for the CLI over the {@link UserStore} and {@link PasswordHasher} ports. Small enough
 * to live here; the domain has no user-management use case yet (the HTTP app may want one).
 */
public final class UserAdministration {
    public static final int MIN_PASSWORD_LENGTH = 8;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");

    private final UserStore store;
    private final PasswordHasher hasher;
    private final Clock clock;

    public UserAdministration(UserStore store, PasswordHasher hasher, Clock clock) {
        this.store = store;
        this.hasher = hasher;
        this.clock = clock;
    }

    /** A user to create; without a password the user cannot log in with one (SSO only). */
    public record NewUser(String email, Optional<String> fullName, Optional<String> password, boolean admin) {
        public NewUser {
            Objects.requireNonNull(email, "email");
            Objects.requireNonNull(fullName, "fullName");
            Objects.requireNonNull(password, "password");
        }

        @Override
        public String toString() {
            return "NewUser[email=" + email + ", admin=" + admin + "]";
        }
    }

    /**
     * @throws IllegalArgumentException for an e-mail or password that cannot be used
     * @throws UserStore.DuplicateUserException when the e-mail is taken
     */
    public User add(NewUser request) {
        String email = Subjects.normalize(request.email());
        if (!EMAIL.matcher(email).matches()) {
            throw new IllegalArgumentException("'" + request.email() + "' is not an e-mail address");
        }
        if (request.password().isPresent() && request.password().get().length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("the password must be at least " + MIN_PASSWORD_LENGTH + " characters long");
        }
        Instant now = clock.instant();
        User user = new User(email, request.fullName().orElse(null),
                request.password().map(hasher::hash).orElse(null), request.admin(), true, now, now);
        store.create(user);
        return user;
    }

    /** @return the disabled user, or empty when there is no such user */
    public Optional<User> disable(String email) {
        Optional<User> found = store.find(email);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        User u = found.get();
        User disabled = new User(u.email(), u.fullName(), u.passwordHash(), u.admin(), false, u.createdAt(),
                clock.instant());
        return store.update(disabled) ? Optional.of(disabled) : Optional.empty();
    }

    public List<User> list() {
        return store.list();
    }
}
