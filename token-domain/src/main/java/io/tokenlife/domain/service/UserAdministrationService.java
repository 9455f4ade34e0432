package io.tokenlife.domain.service;

import io.tokenlife.domain.model.Limits;
import io.tokenlife.domain.model.Subjects;
import io.tokenlife.domain.model.EmailAddresses;
import io.tokenlife.domain.model.User;
import io.tokenlife.domain.port.in.CreateUserCommand;
import io.tokenlife.domain.port.in.CreateUserResult;
import io.tokenlife.domain.port.in.Field;
import io.tokenlife.domain.port.in.Invalid;
import io.tokenlife.domain.port.in.ManageUsersUseCase;
import io.tokenlife.domain.port.in.RevokeAllTokensCommand;
import io.tokenlife.domain.port.in.RevokeAllTokensUseCase;
import io.tokenlife.domain.port.in.UpdateUserCommand;
import io.tokenlife.domain.port.in.UpdateUserResult;
import io.tokenlife.domain.port.out.PasswordHasher;
import io.tokenlife.domain.port.out.UserStore;
import io.tokenlife.domain.settings.Secret;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Creates, updates and lists users; a change that takes rights away revokes the user's tokens at once. */
public final class UserAdministrationService implements ManageUsersUseCase {
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
    public CreateUserResult create(CreateUserCommand command) {
        String email = Subjects.normalize(command.email());
        Optional<Invalid> invalid = invalidEmail(command.email(), email)
                .or(() -> invalidFullName(command.fullName()))
                .or(() -> command.password().flatMap(UserAdministrationService::invalidPassword));
        if (invalid.isPresent()) {
            return invalid.get();
        }
        Instant now = clock.instant();
        User user = new User(email, fullName(command.fullName()), command.password().map(this::hash).orElse(null),
                command.admin(), true, now, now);
        return users.create(user) ? new CreateUserResult.Created(user) : new CreateUserResult.Taken(email);
    }

    @Override
    public UpdateUserResult update(UpdateUserCommand command) {
        Optional<User> existing = users.find(command.email());
        if (existing.isEmpty()) {
            return new UpdateUserResult.NotFound(command.email());
        }
        Optional<Invalid> invalid = invalidFullName(command.fullName())
                .or(() -> command.password().flatMap(UserAdministrationService::invalidPassword));
        if (invalid.isPresent()) {
            return invalid.get();
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
            revokeAll.revokeAll(RevokeAllTokensCommand.ofSubject(command.actor(), after.email(),
                    Optional.of("user updated: rights or password changed")));
        }
        return new UpdateUserResult.Updated(after);
    }

    @Override
    public List<User> list() {
        return users.list();
    }

    @Override
    public Optional<User> find(String email) {
        return users.find(email);
    }

    private static Optional<Invalid> invalidEmail(String given, String normalized) {
        if (Limits.exceeds(normalized, Limits.MAX_SUBJECT)) {
            return Optional.of(Invalid.tooLong(Field.EMAIL, Limits.MAX_SUBJECT));
        }
        return EmailAddresses.isValid(normalized) ? Optional.empty()
                : Optional.of(new Invalid(Field.EMAIL, "'" + EmailAddresses.printable(given) + "' is not an e-mail address"));
    }

    private static Optional<Invalid> invalidFullName(Optional<String> name) {
        return Limits.exceeds(name.map(String::strip).orElse(null), Limits.MAX_FULL_NAME)
                ? Optional.of(Invalid.tooLong(Field.FULL_NAME, Limits.MAX_FULL_NAME)) : Optional.empty();
    }

    private static Optional<Invalid> invalidPassword(Secret password) {
        return password.value().length() < Limits.MIN_PASSWORD
                ? Optional.of(new Invalid(Field.PASSWORD, "it must be at least " + Limits.MIN_PASSWORD + " characters long"))
                : Optional.empty();
    }

    private String hash(Secret password) {
        return hasher.hash(password.value());
    }

    private static String fullName(Optional<String> name) {
        return name.map(String::strip).orElse(null);
    }
}
