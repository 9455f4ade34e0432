package io.tokenlife.domain.service;

import io.tokenlife.domain.model.Subjects;
import io.tokenlife.domain.model.User;
import io.tokenlife.domain.port.in.CreateUserCommand;
import io.tokenlife.domain.port.in.ManageUsersUseCase;
import io.tokenlife.domain.port.in.RevokeAllTokensCommand;
import io.tokenlife.domain.port.in.RevokeAllTokensUseCase;
import io.tokenlife.domain.port.in.UpdateUserCommand;
import io.tokenlife.domain.port.out.PasswordHasher;
import io.tokenlife.domain.port.out.UserStore;
import io.tokenlife.domain.settings.Secret;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Creates, updates and lists users; a change that takes rights away revokes the user's tokens at once. */
public final class UserAdministrationService implements ManageUsersUseCase {
    public static final int MIN_PASSWORD_LENGTH = 10;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,255}");
    private static final int MAX_NAME_LENGTH = 200;

    private final UserStore users;
    private final PasswordHasher hasher;
    private final RevokeAllTokensUseCase revokeAll;
    private final Clock clock;

    public UserAdministrationService(UserStore users, PasswordHasher hasher, RevokeAllTokensUseCase revokeAll,
                                     Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.revokeAll = revokeAll;
        this.clock = clock;
    }

    @Override
    public User create(CreateUserCommand command) {
        String email = Subjects.normalize(command.email());
        if (!EMAIL.matcher(email).matches()) {
            throw new IllegalArgumentException("email: '" + command.email() + "' is not an e-mail address");
        }
        Instant now = clock.instant();
        User user = new User(email, fullName(command.fullName()), command.password().map(this::hash).orElse(null),
                command.admin(), true, now, now);
        users.create(user);
        return user;
    }

    @Override
    public Optional<User> update(UpdateUserCommand command) {
        Optional<User> existing = users.find(command.email());
        if (existing.isEmpty()) {
            return Optional.empty();
        }
        User before = existing.get();
        User after = new User(before.email(),
                command.fullName().isPresent() ? fullName(command.fullName()) : before.fullName(),
                command.password().map(this::hash).orElse(before.passwordHash()),
                command.admin().orElse(before.admin()),
                command.active().orElse(before.active()),
                before.createdAt(), clock.instant());
        users.update(after);
        boolean rightsTaken = before.active() && !after.active() || before.admin() && !after.admin()
                || command.password().isPresent();
        if (rightsTaken) {
            revokeAll.revokeAll(RevokeAllTokensCommand.ofSubject(after.email(), command.updatedBy(),
                    Optional.of("user updated: rights or password changed")));
        }
        return Optional.of(after);
    }

    @Override
    public List<User> list() {
        return users.list();
    }

    private String hash(Secret password) {
        if (password.value().length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("password: at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        return hasher.hash(password.value());
    }

    private static String fullName(Optional<String> name) {
        String value = name.map(String::strip).orElse(null);
        if (value != null && value.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("full_name: at most " + MAX_NAME_LENGTH + " characters");
        }
        return value;
    }
}
